import { z } from "zod";
import { genesys, ourvoice, zoom } from "../../provider";
import { type Endpoint, endpoint, fillPath } from "../../provider/http/endpoint";
import type { Transport } from "../../provider/http/transport";
import { routesOf } from "../../sandbox/routes";
import type { Handlers } from "../../sandbox/types";

const tables: Record<string, Record<string, Endpoint>> = {
  genesys: { ...genesys.endpoints, ...genesys.analyticsEndpoints },
  zoom: zoom.endpoints,
  ourvoice: ourvoice.endpoints,
};

describe.each(Object.entries(tables))("the %s endpoint table", (_vendor, table) => {
  test.each(Object.entries(table))("%s declares a schema for exactly its path placeholders", (_name, e) => {
    expect(e.path).toMatch(/^\//);
    const placeholders = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const declared = e.params instanceof z.ZodObject ? Object.keys(e.params.shape).sort() : [];
    expect(declared).toEqual(placeholders);
  });
});

describe("fillPath", () => {
  test("encodes values and refuses missing ones", () => {
    expect(fillPath("/flows/{flowId}/x", { flowId: "a b/c" })).toBe("/flows/a%20b%2Fc/x");
    expect(() => fillPath("/flows/{flowId}", {})).toThrow(/missing path parameter "flowId"/);
  });
});

// Compile-time checks (lint runs tsc over tests): a call names a row of its vendor's table and sends that row's parts.
function clientCalls(t: Transport<typeof zoom.endpoints>, g: Transport<typeof genesys.endpoints>) {
  void t.call("getFlow", { params: { flowId: "f" } });
  void t.call("getFlow", { params: { flowId: "Main IVR" }, query: { flow_identifier_type: "name" } }, "getFlowByName");
  void t.call("listFlows");
  void g.call("patchSegment", { params: { segmentId: "s" }, body: { displayName: "x" } });
  // @ts-expect-error a name that is no row of the table
  void t.call("getFlows", { params: { flowId: "f" } });
  // @ts-expect-error a row of another vendor's table
  void t.call("getSegment", { params: { segmentId: "s" } });
  // @ts-expect-error parts of another row: listFlows has no path parameters
  void t.call("listFlows", { params: { flowId: "f" } });
  // @ts-expect-error a path parameter the row does not declare
  void t.call("getFlow", { params: { segmentId: "s" } });
  // @ts-expect-error a row's required path parameters left out
  void t.call("getFlow");
  // @ts-expect-error a body on a row without one
  void t.call("deleteFlow", { params: { flowId: "f" }, body: {} });
  // @ts-expect-error a body of the wrong shape
  void g.call("patchSegment", { params: { segmentId: "s" }, body: { displayName: 1 } });
  // @ts-expect-error a misspelt part in a row
  endpoint({ method: "GET", path: "/flows", respnse: z.object({}) });
}

// Compile-time checks: a client's `call` is its transport's, so a resource without a named method is typed the same.
async function clientCall(g: genesys.GenesysClient) {
  const s: genesys.models.JourneySegment = await g.call("getSegment", { params: { segmentId: "s" } });
  void s;
  // @ts-expect-error a name that is no row of the table
  void g.call("getSegments", { params: { segmentId: "s" } });
  // @ts-expect-error a path parameter the row does not declare
  void g.call("getSegment", { params: { flowId: "f" } });
}

// Compile-time checks: the sandbox mounts one handler per row, typed by that row.
function sandboxHandlers() {
  const fine: Handlers<typeof ourvoice.endpoints> = {
    listFlows: () => ({ status: 500 }),
    getFlow: () => ({ status: 404, body: { message: "gone" } }),
    createFlow: (call) => ({ status: 422, body: { message: call.body.name } }),
    updateFlow: () => ({ status: 500 }),
    patchFlow: () => ({ status: 500 }),
    deleteFlow: () => ({ status: 204 }),
  };
  routesOf(ourvoice.endpoints, {
    ...fine,
    // The params, query and body a handler reads are its row's, as parsed.
    getFlow: (call) => ({ status: 404, body: { message: call.params.flowId } }),
  });
  routesOf(ourvoice.endpoints, {
    ...fine,
    // @ts-expect-error a part the row does not declare
    getFlow: (call) => ({ status: 404, body: { message: call.params.segmentId } }),
  });
  routesOf(ourvoice.endpoints, {
    ...fine,
    // @ts-expect-error a success whose body is not the row's response
    getFlow: () => ({ status: 200, body: { flows: [] } }),
  });
  routesOf(ourvoice.endpoints, {
    ...fine,
    // @ts-expect-error a body on a row that answers without one
    deleteFlow: () => ({ status: 204, body: { deleted: true } }),
  });
  // @ts-expect-error a row left without a handler
  routesOf(ourvoice.endpoints, { listFlows: fine.listFlows });
  // @ts-expect-error a handler for a name that is no row of the table
  routesOf(ourvoice.endpoints, { ...fine, getFlows: fine.getFlow });
}

test("the compile-time checks above type-check (they are never run)", () => {
  expect(typeof clientCalls).toBe("function");
  expect(typeof clientCall).toBe("function");
  expect(typeof sandboxHandlers).toBe("function");
});
