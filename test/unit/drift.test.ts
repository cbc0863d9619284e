// `cxflow drift`'s reading of engine events and its three report forms.
import { driftOfEvents, driftOfStep, markdownReport, plainReport } from "../../provider/cli/drift";

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "x" };
const urn = (type: string, name: string) => `urn:pulumi:dev::contact-center::${type}::${name}`;
const SEGMENT = "pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment";

const refresh = (
  name: string,
  old: Record<string, unknown> | null,
  now: Record<string, unknown> | null,
  type = SEGMENT,
) => ({
  op: "refresh",
  urn: urn(type, name),
  type,
  old: old && { id: "1", inputs: old },
  new: now && { id: "1", inputs: now },
});

describe("cxflow drift", () => {
  test("a refresh step that changed inputs is drift, field by field; equal values in another key order are not", () => {
    expect(
      driftOfStep(
        refresh(
          "buyers",
          { displayName: "A", journey: { a: 1, b: 2 }, __defaults: [] },
          { displayName: "B", journey: { b: 2, a: 1 }, color: "#fff" },
        ),
      ),
    ).toEqual({
      kind: "genesys.JourneySegment",
      name: "buyers",
      urn: urn(SEGMENT, "buyers"),
      status: "changed",
      fields: [
        { field: "color", before: undefined, after: "#fff" },
        { field: "displayName", before: "A", after: "B" },
      ],
    });
  });

  test("a step without new inputs or with the same inputs is no drift; other ops and other packages are ignored", () => {
    expect(driftOfStep({ ...refresh("a", { displayName: "A" }, null), new: { id: "1" } })).toBeUndefined();
    expect(driftOfStep(refresh("a", { displayName: "A" }, { displayName: "A" }))).toBeUndefined();
    // In `up --refresh` an update is the up's own; in a refresh alone it is what the refresh found.
    expect(driftOfStep({ ...refresh("a", { x: 1 }, { x: 2 }), op: "update" })).toBeUndefined();
    expect(driftOfStep({ ...refresh("a", { x: 1 }, { x: 2 }), op: "update" }, true)?.fields).toHaveLength(1);
    expect(driftOfStep({ ...refresh("a", { x: 1 }, null), new: null, op: "delete" }, true)?.status).toBe("deleted");
    expect(driftOfStep({ ...refresh("a", { x: 1 }, { x: 1 }), op: "same" }, true)).toBeUndefined();
    expect(driftOfStep(refresh("a", { x: 1 }, { x: 2 }, "aws:s3/bucket:Bucket"))).toBeUndefined();
  });

  test("a resource the refresh found gone is deleted; secrets never show their values", () => {
    expect(driftOfStep({ ...refresh("gone", { displayName: "A" }, null), new: null })?.status).toBe("deleted");
    const d = driftOfStep(
      refresh(
        "line",
        { metadata: SECRET },
        { metadata: { ...SECRET, ciphertext: "y" } },
        "pulumi-nodejs:dynamic/cxflow/ourvoice:Flow",
      ),
    );
    expect(d?.fields).toEqual([{ field: "metadata", before: "[secret]", after: "[secret]" }]);
  });

  test("the event log's refresh steps become one finding per resource, sorted, in every report form", () => {
    const lines = [
      JSON.stringify({ resOutputsEvent: { metadata: refresh("z", { displayName: "A|1" }, { displayName: "B" }) } }),
      JSON.stringify({ resOutputsEvent: { metadata: { ...refresh("a", { displayName: "A" }, null), new: null } } }),
      JSON.stringify({ diagnosticEvent: { severity: "info", message: "hi" } }),
      "",
    ];
    const resources = driftOfEvents(lines);
    expect(resources.map((d) => `${d.name} ${d.status}`)).toEqual(["a deleted", "z changed"]);
    const report = { stack: "dev", drifted: true, resources };
    expect(plainReport(report)).toBe(
      [
        "drift in stack dev: 2 resource(s) changed outside Pulumi",
        "  genesys.JourneySegment a: deleted outside Pulumi",
        '  genesys.JourneySegment z: displayName: "A|1" → "B"',
      ].join("\n"),
    );
    const md = markdownReport(report);
    expect(md).toContain("### cxflow drift: stack `dev`");
    expect(md).toContain('| genesys.JourneySegment | z | `displayName` | "A\\|1" → "B" |');
    expect(plainReport({ stack: "dev", drifted: false, resources: [] })).toBe(
      "no drift in stack dev: every cxflow resource matches its state.",
    );
    expect(markdownReport({ drifted: false, resources: [] })).toContain("No drift");
  });
});
