// check(): zod issues become failures that name the property and what is allowed.
import { z } from "zod";
import { checkInputs, formatPath } from "../../provider/dynamic/check";
import { UNKNOWN } from "../../provider/dynamic/fields";
import { JourneySegmentInputs } from "../../provider/genesys/journey-segment";

const byProperty = (inputs: Record<string, unknown>) =>
  Object.fromEntries(checkInputs(JourneySegmentInputs, inputs).map((f) => [f.property, f.reason]));

describe("checkInputs", () => {
  test("valid inputs have no failures", () => {
    expect(checkInputs(JourneySegmentInputs, { displayName: "Buyers", color: "#00ff00" })).toEqual([]);
  });

  test("paths have dots and indexes", () => {
    expect(formatPath(["journey", "patterns", 0, "streamType"])).toBe("journey.patterns[0].streamType");
  });

  test("each kind of mistake names the property, what is allowed and what was given", () => {
    const f = byProperty({
      color: "red",
      isActive: "yes",
      assignmentExpirationDays: -1,
      journey: { patterns: [{ criteria: [], count: 1, streamType: "Custom", sessionType: "web" }] },
      colour: "#fff",
    });
    expect(f.displayName).toBe("is required (string)");
    expect(f.color).toMatch(/#RRGGBB; got "red"/);
    expect(f.isActive).toBe('must be boolean; got "yes"');
    expect(f.assignmentExpirationDays).toBe("must be at least 0; got -1");
    expect(f["journey.patterns[0].streamType"]).toBe('must be one of "Web", "App"; got "Custom"');
    expect(f["journey.patterns[0].criteria"]).toBe("must have at least 1 item(s)");
    expect(f.colour).toMatch(/^is not a known property; allowed: displayName, description, color, /);
  });

  test("unknown properties inside nested objects list that object's properties", () => {
    const f = byProperty({ displayName: "x", externalSegment: { id: "1", name: "n", sauce: "Custom" } });
    expect(f["externalSegment.sauce"]).toBe("is not a known property; allowed: id, name, source");
  });

  test("values the engine does not know yet are not judged", () => {
    expect(checkInputs(JourneySegmentInputs, { displayName: UNKNOWN, color: UNKNOWN })).toEqual([]);
  });

  test("string lengths are reported as lengths", () => {
    const f = checkInputs(z.strictObject({ name: z.string().max(3) }), { name: "abcdef" });
    expect(f).toEqual([{ property: "name", reason: "must be at most 3 characters long (got 6)" }]);
  });
});

describe("secret inputs", () => {
  test("a bad value under a secret key is described but never quoted", () => {
    const schema = z.strictObject({ metadata: z.record(z.string(), z.unknown()).optional() });
    const [f] = checkInputs(schema, { metadata: "hunter2-password" }, ["metadata"]);
    expect(f.property).toBe("metadata");
    expect(f.reason).toBe("must be object");
    expect(JSON.stringify(f)).not.toContain("hunter2");
  });
});
