// check(): zod issues become failures that name the property and what is allowed.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { z } from "zod";
import { checkInputs } from "../../provider/dynamic/check";
import { UNKNOWN } from "../../provider/dynamic/fields";
import { ActionTargetInputs } from "../../provider/genesys/action-target";
import { GetFlowActivityArgs } from "../../provider/genesys/flow-activity";
import { GetFlowAggregatesArgs } from "../../provider/genesys/flow-aggregates";
import { GetFlowObservationsArgs } from "../../provider/genesys/flow-observations";
import { GetJourneyAggregatesArgs } from "../../provider/genesys/journey-aggregates";
import { JourneySegmentInputs } from "../../provider/genesys/journey-segment";
import { formatPath } from "../../provider/text";
import { FlowInputs as ZoomFlowInputs } from "../../provider/zoom/flow";
import { MAX_FLOW_FILE_BYTES } from "../../provider/zoom/models";

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
    const [one] = checkInputs(z.strictObject({ name: z.string().min(1) }), { name: "" });
    expect(one.reason).toBe('must be at least 1 character long; got ""');
  });

  test("whole numbers are asked for in words", () => {
    const f = checkInputs(z.strictObject({ n: z.number().int() }), { n: 2.5 });
    expect(f).toEqual([{ property: "n", reason: "must be a whole number; got 2.5" }]);
  });

  test("a format zod only calls invalid says what is allowed", () => {
    const f = checkInputs(z.strictObject({ id: z.uuid() }), { id: "nope" });
    expect(f).toEqual([
      { property: "id", reason: 'must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6; got "nope"' },
    ]);
  });

  test("long values are cut and their length said", () => {
    const [f] = checkInputs(z.strictObject({ n: z.number() }), { n: "x".repeat(500) });
    expect(f.reason).toMatch(/^must be number; got "x{59}… \(500 characters\)$/);
  });
});

describe("unions", () => {
  const Interval = z.union(
    [z.string().regex(/^P\d+D$/, "must be like P7D"), z.strictObject({ from: z.iso.date(), to: z.iso.date() })],
    { error: "must be a duration such as P7D or { from, to }" },
  );
  const schema = z.strictObject({ interval: Interval });

  test("a value of none of the forms' types gets the union's message", () => {
    expect(checkInputs(schema, { interval: 7 })).toEqual([
      { property: "interval", reason: "must be a duration such as P7D or { from, to }; got 7" },
    ]);
  });

  test("a missing value of a union or an enum is required, with what is allowed", () => {
    const withEnum = z.strictObject({ interval: Interval, type: z.enum(["voice", "sms"]) });
    expect(checkInputs(withEnum, {})).toEqual([
      { property: "interval", reason: "is required, and must be a duration such as P7D or { from, to }" },
      { property: "type", reason: 'is required (one of "voice", "sms")' },
    ]);
  });

  test("a value two forms could be gets the union's message", () => {
    const both = z.strictObject({ v: z.union([z.string().min(3), z.string().regex(/^x/)], { error: "short or x" }) });
    expect(checkInputs(both, { v: "ab" })).toEqual([{ property: "v", reason: 'short or x; got "ab"' }]);
  });

  test("a value of exactly one form's type is judged as that form, to the property inside it", () => {
    const f = checkInputs(schema, { interval: { from: "yesterday", to: "2026-10-01", til: "x" } });
    expect(f).toEqual([
      { property: "interval.from", reason: 'must be a date YYYY-MM-DD; got "yesterday"' },
      { property: "interval.til", reason: "is not a known property; allowed: from, to" },
    ]);
  });

  test("values the engine does not know yet are not judged inside a union either", () => {
    expect(checkInputs(schema, { interval: UNKNOWN })).toEqual([]);
    expect(checkInputs(schema, { interval: { from: UNKNOWN, to: "2026-10-01" } })).toEqual([]);
  });

  test("an aggregate interval given as { from, to } names the bad end", () => {
    const f = checkInputs(GetFlowAggregatesArgs, {
      interval: { from: "yesterday", to: "2026-10-08" },
      metrics: ["nFlow"],
    });
    expect(f).toEqual([
      {
        property: "interval.from",
        reason:
          'must be a Date, an ISO-8601 date-time with an offset (e.g. 2026-10-01T00:00:00Z) or a day (2026-10-01); got "yesterday"',
      },
    ]);
  });
});

describe("analytics filters are strict", () => {
  const week = { interval: "P7D", metrics: ["nFlow"] };
  const PREDICATE_KEYS = "type, dimension, operator, value, range";

  test("a misspelt key in a flow aggregate predicate or clause is an error, not a dropped condition", () => {
    const f = checkInputs(GetFlowAggregatesArgs, {
      ...week,
      filter: {
        type: "and",
        predicates: [{ dimension: "flowType", valu: "INBOUNDCALL" }],
        clauses: [{ type: "or", predicates: [{ dimension: "flowId", operater: "exists" }], kind: "x" }],
        negate: true,
      },
      views: [{ target: "tFlow", name: "slow", function: "rangeBound", range: { gte: 0, lte: 10 } }],
    });
    expect(Object.fromEntries(f.map((x) => [x.property, x.reason]))).toEqual({
      "filter.negate": "is not a known property; allowed: type, clauses, predicates",
      "filter.predicates[0].valu": `is not a known property; allowed: ${PREDICATE_KEYS}`,
      "filter.clauses[0].kind": "is not a known property; allowed: type, predicates",
      "filter.clauses[0].predicates[0].operater": `is not a known property; allowed: ${PREDICATE_KEYS}`,
      "views[0].range.lte": "is not a known property; allowed: gte, lt",
    });
  });

  test("numeric ranges, journey, observation and activity filters are strict too", () => {
    const range = checkInputs(GetFlowAggregatesArgs, {
      ...week,
      filter: { type: "and", predicates: [{ dimension: "routingPriority", range: { from: 1 } }] },
    });
    expect(range).toEqual([
      { property: "filter.predicates[0].range.from", reason: "is not a known property; allowed: gt, gte, lt, lte" },
    ]);
    const journey = checkInputs(GetJourneyAggregatesArgs, {
      interval: "P7D",
      metrics: ["nJourneySessions"],
      filter: { type: "and", predicates: [{ dimension: "journeySessionType", values: ["web"] }] },
    });
    expect(journey.map((x) => x.property)).toEqual(["filter.predicates[0].values"]);
    const observation = checkInputs(GetFlowObservationsArgs, {
      filter: { type: "or", predicates: [{ dimension: "mediaType", value: "voice", exact: true }] },
    });
    expect(observation.map((x) => x.property)).toEqual(["filter.predicates[0].exact"]);
    // The activity API has no numeric ranges.
    const activity = checkInputs(GetFlowActivityArgs, {
      filter: { type: "and", predicates: [{ dimension: "routingPriority", range: { gt: 1 } }] },
    });
    expect(activity).toEqual([
      {
        property: "filter.predicates[0].range",
        reason: "is not a known property; allowed: type, dimension, operator, value",
      },
    ]);
  });

  test("a journey dimension that is not an identifier says what one looks like", () => {
    const [f] = checkInputs(GetJourneyAggregatesArgs, {
      interval: "P7D",
      metrics: ["nJourneySessions"],
      groupBy: ["journey session"],
    });
    expect(f).toEqual({
      property: "groupBy[0]",
      reason:
        'must be a dimension name: a letter, then letters and digits (e.g. journeySessionType, touchpointQueueId); got "journey session"',
    });
  });
});

describe("resource rules", () => {
  test("an action target without a target is said together with its other problems", () => {
    const f = checkInputs(ActionTargetInputs, { serviceLevel: { percentage: 1.5, durationMs: 20_000 } });
    expect(f).toEqual([
      { property: "serviceLevel.percentage", reason: "must be at most 1; got 1.5" },
      { property: "targetId", reason: "set exactly one of targetId and targetName" },
    ]);
  });

  describe("a zoom flow file over Zoom's 10 MB import limit", () => {
    /** A JSON object of exactly `bytes` bytes. */
    const flowJson = (bytes: number) => `{"d":"${"x".repeat(bytes - 8)}"}`;
    const tooBig = flowJson(MAX_FLOW_FILE_BYTES + 1);
    const LIMIT =
      "must be at most 10 MB (10485760 bytes, Zoom's limit for an imported flow file); this one has 10485761 bytes";
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-check-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("fails as a path", () => {
      const file = path.join(dir, "big.json");
      fs.writeFileSync(file, tooBig);
      expect(checkInputs(ZoomFlowInputs, { flowFile: file, name: "IVR" })).toEqual([
        {
          property: "flowFile",
          reason: LIMIT,
        },
      ]);
    });

    test("fails as inline JSON", () => {
      expect(checkInputs(ZoomFlowInputs, { flowFile: tooBig, name: "IVR" })).toEqual([
        { property: "flowFile", reason: LIMIT },
      ]);
    });

    test("a file of exactly 10 MB passes, and so does a path that cannot be read (prepare reports it)", () => {
      const file = path.join(dir, "max.json");
      fs.writeFileSync(file, flowJson(MAX_FLOW_FILE_BYTES));
      expect(fs.statSync(file).size).toBe(MAX_FLOW_FILE_BYTES);
      expect(checkInputs(ZoomFlowInputs, { flowFile: file, name: "IVR" })).toEqual([]);
      expect(checkInputs(ZoomFlowInputs, { flowFile: path.join(dir, "missing.json"), name: "IVR" })).toEqual([]);
    });
  });
});

describe("secret inputs", () => {
  test("a bad value under a secret key is described but never quoted", () => {
    const schema = z.strictObject({ metadata: z.record(z.string(), z.unknown()).optional() });
    const [f] = checkInputs(schema, { metadata: "hunter2-password" }, ["metadata"]);
    expect(f.reason).toBe("metadata must be object");
    expect(JSON.stringify(f)).not.toContain("hunter2");
  });

  test("a secret's failure names no property, so the engine prints no value next to it", () => {
    // The engine prints `property P value <inputs[P]>`, a secret in plaintext; with no property it does not.
    const schema = z.strictObject({ metadata: z.record(z.string(), z.unknown()).optional(), name: z.string() });
    expect(checkInputs(schema, { metadata: "hunter2", name: 1 }, ["metadata"])).toEqual([
      { property: "", reason: "metadata must be object" },
      { property: "name", reason: "must be string; got 1" },
    ]);
  });
});
