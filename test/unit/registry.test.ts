// The resource registry: a kind is registered by exporting its class from its vendor's namespace,
// and everything that covers every kind (host, export, recover, bench, test matrices) reads it.
import * as cxflow from "../../provider";
import { definitionFor, providerFor, RESOURCES } from "../../provider/dynamic";
import { DEFINITION, definitionsIn, vendorOf } from "../../provider/dynamic/define";
import { SAMPLES } from "../e2e/resources";

describe("the resource registry", () => {
  test("holds every resource class the public vendor namespaces export, once each, vendor by vendor", () => {
    expect(RESOURCES.map((d) => d.kind)).toEqual([
      "genesys.ActionTarget",
      "genesys.ArchitectFlow",
      "genesys.FlowMilestone",
      "genesys.FlowOutcome",
      "genesys.JourneyActionMap",
      "genesys.JourneyActionTemplate",
      "genesys.JourneyOutcome",
      "genesys.JourneySegment",
      "zoom.Flow",
      "ourvoice.Flow",
    ]);
    expect(new Set(RESOURCES.map((d) => d.kind)).size).toBe(RESOURCES.length);
  });

  test.each(RESOURCES.map((d) => [d.kind, d] as const))(
    "%s: its class is exported under its kind's name",
    (kind, d) => {
      const [vendor, cls] = kind.split(".");
      const ns = (cxflow as unknown as Record<string, Record<string, unknown>>)[vendor];
      expect((ns[cls] as Record<symbol, unknown>)[DEFINITION]).toBe(d);
      expect(vendorOf(kind)).toBe(vendor);
      expect(definitionFor(kind)).toBe(d);
      expect(typeof providerFor(kind).check).toBe("function");
    },
  );

  test.each(RESOURCES.map((d) => [d.kind, d] as const))(
    "%s: has a collection path, an export spec and a sample",
    (kind, d) => {
      expect(d.path).toMatch(/^\/[a-z_/]+$/);
      expect(d.export?.suffix).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(SAMPLES[kind]).toBeDefined();
      // The sample is valid input, so the matrices built from it test what they mean to.
      expect(d.args.safeParse(SAMPLES[kind].args({ tag: "t", targetName: "Sales web chat" })).success).toBe(true);
    },
  );

  test.each(RESOURCES.map((d) => [d.kind, d] as const))(
    "%s: an adopt input comes with a name to find the object by and a takeover that writes only what differs",
    (_kind, d) => {
      if (!("adopt" in d.fields)) return;
      expect(d.named?.property).toBeDefined();
      expect(d.fields[d.named!.property]).toBeDefined();
      expect(typeof d.adopt).toBe("function");
    },
  );

  test("modules without resource classes register nothing", () => {
    expect(definitionsIn({ a: 1, f: () => 1, C: class {} })).toEqual([]);
  });

  test("an unknown kind names the known ones", () => {
    expect(() => providerFor("acme.Thing")).toThrow(/no resource kind "acme.Thing" \(known: genesys.ActionTarget, /);
  });
});
