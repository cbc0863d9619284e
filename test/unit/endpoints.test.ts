import { z } from "zod";
import { genesys, ourvoice, zoom } from "../../provider";
import { type Endpoint, fillPath } from "../../provider/http/endpoint";

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
