// Architect flow files (what check() can say without Archy) and how an ArchitectFlow diffs.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { diffFields, UNKNOWN } from "../../provider/dynamic/fields";
import { architectFlow, fields } from "../../provider/genesys/architect-flow";
import { contentHash, flowHeader, placeholders, substitute } from "../../provider/genesys/architect-yaml";
import { SAMPLE_ARCHITECT_YAML } from "../e2e/resources";

const prepare = (i: Record<string, unknown>) => architectFlow.prepare!(i as any, {}) as Record<string, any>;

describe("Architect flow files", () => {
  test("type and name come from the YAML; description when it has one", () => {
    expect(flowHeader("inboundCall:\n  name: Main IVR\n  description: Front door\n", "content", "content")).toEqual({
      typeKey: "inboundCall",
      type: "INBOUNDCALL",
      name: "Main IVR",
      description: "Front door",
    });
    expect(flowHeader("inboundChat:\n  name: Chat triage\n", "content", "content").type).toBe("INBOUNDCHAT");
  });

  test.each([
    ["a syntax error, with its line and column", "inboundCall:\n  name: [unclosed\n", /line 3, column 1: /],
    [
      "an unknown type key, listing the allowed ones",
      "inboundCal:\n  name: x\n",
      /a flow type \(bot, .*inboundCall.*\); it has inboundCal/,
    ],
    ["two flows in one file", "inboundCall:\n  name: a\ninboundChat:\n  name: b\n", /it has inboundCall, inboundChat/],
    ["a list instead of a flow", "- inboundCall\n", /it is not a mapping/],
    ["an inherited property's name as the type key", "constructor:\n  name: x\n", /it has constructor/],
    [
      "a flow without a name, with the line of its key",
      "\ninboundCall:\n  description: x\n",
      /line 2: inboundCall needs a name/,
    ],
    ["a blank name", 'inboundCall:\n  name: "  "\n', /needs a name/],
  ])("refuses %s", (_what, text, message) => {
    expect(() => flowHeader(text, "flows/main.yaml", "flowFile")).toThrow(message);
    try {
      flowHeader(text, "flows/main.yaml", "flowFile");
    } catch (e) {
      expect((e as { property?: string }).property).toBe("flowFile");
      expect((e as Error).message).toMatch(/^flows\/main\.yaml is not an Architect flow file:/);
    }
  });

  test("substitutions fill every placeholder, spaces optional; a missing one names itself and what was given", () => {
    expect(placeholders("a {{x}} b {{ y.z }} {{x}}")).toEqual(["x", "y.z"]);
    expect(substitute("q: {{ queue }}\nr: {{queue}}", { queue: "Support" }, "content")).toBe("q: Support\nr: Support");
    expect(() => substitute("{{ queue }} {{ outcomeId }}", { queue: "S" }, "content")).toThrow(
      "the content uses {{ outcomeId }} but substitutions only has queue",
    );
    expect(() => substitute("{{ queue }}", {}, "content")).toThrow("substitutions is empty");
    // Comment lines are not filled in: they may explain the placeholders.
    expect(placeholders("# fills {{ placeholders }}\nq: {{ queue }} # {{ queue }}")).toEqual(["queue"]);
    expect(substitute("  # {{ x }}\nq: {{ queue }}", { queue: "S" }, "content")).toBe("  # {{ x }}\nq: S");
  });

  test("the content hash ignores line endings and trailing blank lines, not content", () => {
    expect(contentHash("a: 1\r\nb: 2\r\n\r\n")).toBe(contentHash("a: 1\nb: 2"));
    expect(contentHash("a: 1\nb: 2")).not.toBe(contentHash("a: 1\nb: 3"));
    expect(contentHash("a: 1")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("ArchitectFlow check (prepare)", () => {
  const subs = { flowName: "Main IVR", greeting: "Hello" };

  test("derives name, type and the hash of the filled-in content", () => {
    const p = prepare({ content: SAMPLE_ARCHITECT_YAML, substitutions: subs });
    expect(p.name).toBe("Main IVR");
    expect(p.type).toBe("INBOUNDCALL");
    expect(p.contentHash).toBe(contentHash(substitute(SAMPLE_ARCHITECT_YAML, subs, "content")));
  });

  test("a file and the same text inline hash the same, whatever the path or a trailing newline", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxflow-architect-"));
    const file = path.join(dir, "main.yaml");
    fs.writeFileSync(file, `${SAMPLE_ARCHITECT_YAML}\n\n`);
    const fromFile = prepare({ flowFile: file, substitutions: subs });
    expect(fromFile.contentHash).toBe(prepare({ content: SAMPLE_ARCHITECT_YAML, substitutions: subs }).contentHash);
    expect(() => prepare({ flowFile: path.join(dir, "nope.yaml") })).toThrow(/no flow file at .*nope\.yaml/);
  });

  test("at preview, an unknown substitution leaves the hash unknown and the name when it uses it", () => {
    const p = prepare({ content: SAMPLE_ARCHITECT_YAML, substitutions: { flowName: "Main IVR", greeting: UNKNOWN } });
    expect(p.contentHash).toBe(UNKNOWN);
    expect(p.name).toBe("Main IVR");
    const q = prepare({ content: SAMPLE_ARCHITECT_YAML, substitutions: { flowName: UNKNOWN, greeting: "x" } });
    expect(q.name).toBe(UNKNOWN);
  });

  test("flowFile and content: exactly one", () => {
    expect(architectFlow.args.safeParse({ content: "x", flowFile: "y" }).success).toBe(false);
    expect(architectFlow.args.safeParse({}).success).toBe(false);
    expect(architectFlow.args.safeParse({ substitutions: { "bad name": "x" }, content: "x" }).success).toBe(false);
  });
});

describe("ArchitectFlow diff", () => {
  const olds = {
    name: "Main IVR",
    type: "INBOUNDCALL",
    contentHash: "h1",
    publishedVersion: "2.0",
    deployedVersion: "2.0",
    flowFile: "flows/a.yaml",
    substitutions: { greeting: "Hello" },
  };
  const news = { name: "Main IVR", type: "INBOUNDCALL", contentHash: "h1", flowFile: "flows/a.yaml" };

  test("the same content is no change, whatever its path or how it was filled in", () => {
    expect(diffFields(fields, olds, { ...news, flowFile: "other/b.yaml", substitutions: { x: "y" } })).toEqual({
      changed: [],
      replaces: [],
    });
  });

  test("new content is an update; a new name or type is a replacement", () => {
    expect(diffFields(fields, olds, { ...news, contentHash: "h2" })).toEqual({
      changed: ["contentHash"],
      replaces: [],
    });
    expect(diffFields(fields, olds, { ...news, name: "Other" }).replaces).toEqual(["name"]);
    expect(diffFields(fields, olds, { ...news, type: "INBOUNDCHAT" }).replaces).toEqual(["type"]);
  });

  test("a version published outside Pulumi (seen by a refresh) is a change of publishedVersion", () => {
    expect(diffFields(fields, { ...olds, publishedVersion: "3.0" }, news)).toEqual({
      changed: ["publishedVersion"],
      replaces: [],
    });
  });
});
