// The provider protocol every resource shares: claims checked across one program's resources, the
// inputs a refresh hands back to the engine, and blank names refused before any request.
import { z } from "zod";
import { nonBlank } from "../../provider/dynamic/check";
import {
  DECLARED_KEY,
  impliedInputs,
  locator,
  NAME_KEY,
  nameInUse,
  providerOf,
  type ResourceDefinition,
  uniqueName,
} from "../../provider/dynamic/define";
import { ActionTargetInputs } from "../../provider/genesys/action-target";
import { JourneySegmentInputs } from "../../provider/genesys/journey-segment";
import { CxflowError } from "../../provider/http/errors";
import { FlowInputs as OurVoiceInputs } from "../../provider/ourvoice/flow";

type Thing = { name: string; size?: number; color?: string; active?: boolean; adopt?: boolean };
/** No old inputs: a create. */
const NONE = {} as Thing;

/** A resource over an in-memory server: enough to drive the shared protocol. */
function thingDefinition(server: Map<string, Thing>, kind = "test.Thing"): ResourceDefinition<any, any> {
  let next = 0;
  return {
    kind,
    path: "/things",
    args: z.strictObject({
      name: nonBlank(),
      size: z.number().optional(),
      color: z.string().optional(),
      active: z.boolean().optional(),
      adopt: z.boolean().optional(),
    }),
    fields: {
      name: {},
      size: {},
      color: { serverChosen: true },
      active: { default: true },
      adopt: { createOnly: true },
    },
    claims: (i) => [uniqueName("thing", "name", i.name)],
    async create(i) {
      const id = String(++next);
      const t = { color: "#abcdef", active: true, ...i, adopt: undefined };
      server.set(id, t);
      return { id, outs: { ...t, adopt: i.adopt } };
    },
    async read(id, olds) {
      const t = server.get(id);
      return t && { ...t, adopt: olds.adopt };
    },
    async update(id, _olds, news) {
      server.set(id, { ...server.get(id)!, ...news });
      return server.get(id)!;
    },
    async delete(id) {
      server.delete(id);
    },
  };
}

describe("check: claims across the resources of one program", () => {
  test("a second resource with the same unique name fails, naming the first; the same resource checked again does not", async () => {
    const p = providerOf(thingDefinition(new Map(), "test.Claims1"));
    expect((await p.check!(NONE, { name: "Sales", [NAME_KEY]: "a" })).failures).toEqual([]);
    expect((await p.check!(NONE, { name: "Sales", [NAME_KEY]: "a" })).failures).toEqual([]);
    const { failures } = await p.check!(NONE, { name: "Sales", [NAME_KEY]: "b" });
    expect(failures).toEqual([
      {
        property: "name",
        reason: expect.stringMatching(/^thing name "Sales" is also declared by resource "a": names are unique/),
      },
    ]);
  });

  test("a resource that changes its name releases the old one; the claim name never reaches the inputs", async () => {
    const p = providerOf(thingDefinition(new Map(), "test.Claims2"));
    await p.check!(NONE, { name: "One", [NAME_KEY]: "a" });
    await p.check!(NONE, { name: "Two", [NAME_KEY]: "a" });
    const r = await p.check!(NONE, { name: "One", [NAME_KEY]: "b" });
    expect(r.failures).toEqual([]);
    expect(r.inputs).toEqual({ name: "One" });
  });

  test("kinds claim apart: the same name in two kinds is no conflict", async () => {
    await providerOf(thingDefinition(new Map(), "test.KindA")).check!(NONE, { name: "X", [NAME_KEY]: "a" });
    const r = await providerOf(thingDefinition(new Map(), "test.KindB")).check!(NONE, { name: "X", [NAME_KEY]: "b" });
    expect(r.failures).toEqual([]);
  });
});

describe("blank names", () => {
  test.each([
    ["journey segment displayName", JourneySegmentInputs, { displayName: "   " }],
    ["Our Voice flow name", OurVoiceInputs, { name: " \t", type: "voice" }],
    ["action target targetName", ActionTargetInputs, { targetName: "  " }],
  ])("%s made of spaces is refused", (_what, schema, value) => {
    const r = (schema as z.ZodType).safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain("must not be empty or only spaces");
  });

  test("a failing check names the property and says why", async () => {
    const p = providerOf(thingDefinition(new Map(), "test.Blank"));
    const { failures } = await p.check!(NONE, { name: "  ", [NAME_KEY]: "a" });
    expect(failures).toEqual([{ property: "name", reason: "must not be empty or only spaces" }]);
  });
});

describe("read: the inputs that the server's values imply", () => {
  test("unchanged at the server: no inputs, so the engine keeps the program's own", async () => {
    const server = new Map<string, Thing>();
    const p = providerOf(thingDefinition(server, "test.Read1"));
    const { id, outs } = await p.create!({ name: "A", size: 1 });
    expect(outs[DECLARED_KEY]).toEqual(["name", "size"]);
    const r = await p.read!(id, outs);
    expect(r.inputs).toBeUndefined();
    expect(r.props![DECLARED_KEY]).toEqual(["name", "size"]);
  });

  test("drift: the declared fields take the server's values, fields left out stay out unless off their default", async () => {
    const server = new Map<string, Thing>();
    const p = providerOf(thingDefinition(server, "test.Read2"));
    const { id, outs } = await p.create!({ name: "A", size: 1, adopt: true });
    server.set(id, { ...server.get(id)!, size: 5, color: "#000000", active: false });
    const r = await p.read!(id, outs);
    // color was left to the server: its change is no drift; active's default is.
    expect(r.inputs).toEqual({ name: "A", size: 5, active: false, adopt: true });
    // A second refresh finds nothing new: the engine keeps the inputs the first one gave.
    expect((await p.read!(id, r.props)).inputs).toBeUndefined();
  });

  test("state written before outputs listed their inputs: every field the server holds but server-chosen ones", () => {
    const def = thingDefinition(new Map());
    expect(impliedInputs(def, { name: "A", size: 2, color: "#fff", active: true })).toEqual({
      name: "A",
      size: 2,
      active: true,
    });
  });
});

describe("the lifecycle every kind shares", () => {
  const notFound = () => new CxflowError({ code: "not_found", message: "404", route: "test GET /things/{id}" });
  const goneThing = (named?: ResourceDefinition<any, any>["named"]): ResourceDefinition<any, any> => ({
    ...thingDefinition(new Map(), "test.Gone"),
    named,
    read: async () => Promise.reject(notFound()),
    update: async () => Promise.reject(notFound()),
    delete: async () => Promise.reject(notFound()),
  });

  test("not found: read drops it from state, delete succeeds, update says it was deleted outside Pulumi", async () => {
    const p = providerOf(goneThing({ what: "thing", property: "name", find: async () => [] }));
    expect(await p.read!("7", { name: "A" })).toEqual({});
    await expect(p.delete!("7", { name: "A" })).resolves.toBeUndefined();
    await expect(p.update!("7", { name: "A" }, { name: "B" })).rejects.toThrow(
      "thing 7 (A) was deleted outside Pulumi: run `pulumi refresh`, then `pulumi up` creates it again",
    );
    const unnamed = providerOf(goneThing());
    await expect(unnamed.update!("7", { name: "A" }, { name: "B" })).rejects.toThrow(
      /^test.Gone 7 was deleted outside Pulumi/,
    );
  });

  test("a named kind is found by name for recover, claims its name, and refuses an ambiguous name", async () => {
    const ids: Record<string, { id: string }[]> = { one: [{ id: "1" }], two: [{ id: "2" }, { id: "3" }], none: [] };
    const def = goneThing({ what: "thing", property: "name", find: async (n) => ids[n] });
    const locate = locator(def)!;
    expect(await locate({ name: "one" })).toBe("1");
    expect(await locate({ name: "none" })).toBeUndefined();
    await expect(locate({ name: "two" })).rejects.toThrow('2 things are named "two" (2, 3)');
    const p = providerOf({ ...def, kind: "test.Named", claims: undefined });
    await p.check!(NONE, { name: "one", [NAME_KEY]: "a" });
    expect((await p.check!(NONE, { name: "one", [NAME_KEY]: "b" })).failures).toEqual([
      { property: "name", reason: expect.stringContaining('is also declared by resource "a"') },
    ]);
    expect(locator(thingDefinition(new Map()))).toBeUndefined();
  });

  describe("create of a named kind", () => {
    /** A named thing over `server`, found by name there; `calls` records what the lifecycle asked. */
    function namedThing(vendorRefuses = false) {
      const server = new Map<string, Thing>();
      const calls: string[] = [];
      const base = thingDefinition(server, `test.Named${vendorRefuses ? "Refused" : ""}`);
      let release: (() => void) | undefined;
      const def: ResourceDefinition<any, any> = {
        ...base,
        claims: undefined,
        named: {
          what: "thing",
          property: "name",
          vendorRefuses,
          async find(name) {
            calls.push(`find ${name}`);
            return [...server].filter(([, t]) => t.name === name).map(([id]) => ({ id }));
          },
        },
        async create(i) {
          calls.push(`create ${i.name}`);
          if (i.name === "slow") await new Promise<void>((r) => (release = r));
          return base.create(i);
        },
        async adopt(found, i) {
          calls.push(`adopt ${found.id}`);
          return { ...server.get(found.id)!, adopt: i.adopt };
        },
      };
      return { server, calls, p: providerOf(def), release: () => release?.() };
    }

    test("a free name is created; a name in use is refused, naming the ids and adopt", async () => {
      const { p, calls, server } = namedThing();
      const { id } = await p.create!({ name: "A" });
      await expect(p.create!({ name: "A" })).rejects.toThrow(
        `a thing named "A" already exists (${id}): set adopt: true to manage it, or choose another name`,
      );
      expect(calls).toEqual(["find A", "create A", "find A"]);
      expect(server.size).toBe(1);
    });

    test("adopt takes the one object over without a create; several of one name are refused", async () => {
      const { p, calls, server } = namedThing();
      const { id } = await p.create!({ name: "A" });
      expect(await p.create!({ name: "A", adopt: true })).toMatchObject({ id, outs: { name: "A", adopt: true } });
      server.set("x", { name: "A" });
      await expect(p.create!({ name: "A", adopt: true })).rejects.toThrow(
        `2 things are named "A" (${id}, x): adopt needs exactly one`,
      );
      expect(calls).toEqual(["find A", "create A", "find A", `adopt ${id}`, "find A"]);
      // Nothing to adopt: adopt creates.
      await p.create!({ name: "B", adopt: true });
      expect(calls.slice(-2)).toEqual(["find B", "create B"]);
    });

    test("vendorRefuses: a plain create does not look first; adopt still does", async () => {
      const { p, calls } = namedThing(true);
      await p.create!({ name: "A" });
      await p.create!({ name: "A", adopt: true });
      expect(calls).toEqual(["create A", "find A", "adopt 1"]);
    });

    test("two creates of one name at once: the second is refused while the first is in flight", async () => {
      const { p, release, server } = namedThing();
      const first = p.create!({ name: "slow" });
      await new Promise((r) => setTimeout(r, 10));
      await expect(p.create!({ name: "slow" })).rejects.toThrow(
        'another thing named "slow" is being created in this stack: choose another name',
      );
      release();
      await first;
      expect(server.size).toBe(1);
    });

    test("the name-in-use message reads with its article and names the property", () => {
      expect(nameInUse({ what: "Our Voice flow", property: "name" }, "X")).toMatch(/^an Our Voice flow named "X"/);
      expect(nameInUse({ what: "journey segment", property: "displayName" }, "X", "7")).toBe(
        'a journey segment named "X" already exists (7): set adopt: true to manage it, or choose another displayName',
      );
    });
  });
});
