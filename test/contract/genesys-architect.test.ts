// The official Genesys Cloud JavaScript SDK as an outside referee of the sandbox's Architect API,
// through ArchitectApi's generated methods: flow outcomes and milestones, flows, publish jobs (the
// YAML goes to the job's upload link with plain fetch, as the SDK leaves that step to the caller),
// export jobs and their download links, locks held by other people, and the seeded flows of the
// analytics data set.
import { parseFault } from "../../sandbox";
import { analyticsData } from "../../sandbox/vendors/genesys-data";
import { admin, faults, sleep, useSandbox, withSandbox } from "./helpers";
import { genesysSdkClient, platformClient, refused, type SdkResponse } from "./sdk";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
const ANALYTICS_END = "2026-11-01";

/** A small inbound-call flow; the ids are those of a flow outcome and a milestone of the org. */
const flowYaml = (name: string, outcomeId: string, milestoneId: string, description = "Main support line") =>
  `inboundCall:
  name: ${name}
  description: ${description}
  defaultLanguage: en-us
  startUpRef: ./tasks/task[identify]
  initialGreeting:
    tts: Hello
  tasks:
    - task:
        name: Identify caller
        refId: identify
        actions:
          - addFlowMilestone:
              name: Caller verified
              flowMilestoneId: "${milestoneId}"
          - setFlowOutcome:
              name: Payment taken
              flowOutcomeId: "${outcomeId}"
          - disconnect:
              name: Disconnect
`;

/** A flow file with no references, only a type and a name. */
const bare = (name: string, key = "inboundCall") => `${key}:\n  name: ${name}\n`;

const names = (res: SdkResponse): string[] => res.body.entities.map((x: any) => x.name);
const ids = (res: SdkResponse): string[] => res.body.entities.map((x: any) => x.id);

describe("Genesys Architect through the official SDK", () => {
  const sandbox = useSandbox({ analyticsEnd: ANALYTICS_END, architectJobMs: 30 });
  let api: any;

  beforeAll(async () => {
    const client = genesysSdkClient(sandbox.url);
    await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
    api = new platformClient.ArchitectApi(client);
  });

  /** Polls a job until it is final (`Success` or `Failure`). */
  async function final(get: () => Promise<SdkResponse>): Promise<any> {
    for (;;) {
      const { body } = await get();
      if (body.status === "Success" || body.status === "Failure") return body;
      await sleep(10);
    }
  }

  /** Registers a publish job, uploads `yaml` to its link and polls it to the end: the final job. */
  async function publish(yaml: string): Promise<any> {
    const job = (await api.postFlowsJobs({ body: {} })).body;
    const up = await fetch(job.presignedUrl, { method: "PUT", headers: job.headers, body: yaml });
    expect(up.status).toBe(200);
    return final(() => api.getFlowsJob(job.id));
  }

  /** Publishes `yaml`, which must succeed: the flow as `getFlow` reads it afterwards. */
  async function published(yaml: string): Promise<any> {
    const job = await publish(yaml);
    expect(job).toMatchObject({ status: "Success" });
    return (await api.getFlow(job.flow.id)).body;
  }

  const newOutcome = async (name: string, description?: string) =>
    (await api.postFlowsOutcomes({ body: { name, ...(description !== undefined && { description }) } })).body;
  const newMilestone = async (name: string) => (await api.postFlowsMilestones({ body: { name } })).body;

  describe("flow outcomes", () => {
    it("creates an outcome in the home division, reads it back, and has no delete", async () => {
      const res = await api.postFlowsOutcomes({ body: { name: "Arch Paid", description: "Card accepted" } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name: "Arch Paid",
        description: "Card accepted",
        division: { id: expect.stringMatching(UUID), name: "Home", selfUri: expect.any(String) },
        selfUri: `/api/v2/flows/outcomes/${res.body.id}`,
      });
      expect((await api.getFlowsOutcome(res.body.id)).body).toEqual(res.body);
      expect(api.deleteFlowsOutcome).toBeUndefined();
    });

    it("keeps names unique whatever their case: a 409 naming the name", async () => {
      await newOutcome("Arch Unique");
      const err = await refused(api.postFlowsOutcomes({ body: { name: "ARCH unique" } }));
      expect(err.status).toBe(409);
      expect(err.body).toMatchObject({ status: 409, code: "general.conflict" });
      expect(err.body.message).toContain('"Arch Unique"');
    });

    it("takes the home division by id and refuses any other", async () => {
      const home = (await newOutcome("Arch Home check")).division.id;
      const same = await api.postFlowsOutcomes({ body: { name: "Arch Home by id", division: { id: home } } });
      expect(same.body.division).toMatchObject({ id: home, name: "Home" });
      const err = await refused(
        api.postFlowsOutcomes({ body: { name: "Arch Elsewhere", division: { id: NO_SUCH_ID } } }),
      );
      expect(err.status).toBe(400);
      expect(err.body.details.map((d: any) => d.fieldName)).toContain("division.id");
    });

    it("answers an unknown outcome with 404 not.found", async () => {
      const err = await refused(api.getFlowsOutcome(NO_SUCH_ID));
      expect(err.status).toBe(404);
      expect(err.body).toMatchObject({ status: 404, code: "not.found" });
    });

    describe("listing", () => {
      let made: any[];
      beforeAll(async () => {
        made = [];
        for (const [name, description] of [
          ["List Alpha outcome", "first"],
          ["List Beta outcome", "second"],
          ["List Gamma outcome", "third, the last"],
        ])
          made.push(await newOutcome(name, description));
      });

      it("filters by parts of the name, any case, with * as a wildcard", async () => {
        expect(names(await api.getFlowsOutcomes({ name: "list beta" }))).toEqual(["List Beta outcome"]);
        expect(names(await api.getFlowsOutcomes({ name: "List*a outcome", sortBy: "name" }))).toEqual([
          "List Alpha outcome",
          "List Beta outcome",
          "List Gamma outcome",
        ]);
        expect(names(await api.getFlowsOutcomes({ description: "the last" }))).toEqual(["List Gamma outcome"]);
        expect(names(await api.getFlowsOutcomes({ nameOrDescription: "SECOND" }))).toEqual(["List Beta outcome"]);
      });

      it("answers ids with exactly those, whatever the other filters say", async () => {
        const res = await api.getFlowsOutcomes({ id: [made[0].id, made[2].id, NO_SUCH_ID], name: "Beta" });
        expect(ids(res).sort()).toEqual([made[0].id, made[2].id].sort());
      });

      it("sorts by name either way, pages, and refuses a field it cannot sort by", async () => {
        const desc = await api.getFlowsOutcomes({ name: "List", sortBy: "name", sortOrder: "desc" });
        expect(names(desc)).toEqual(["List Gamma outcome", "List Beta outcome", "List Alpha outcome"]);
        const second = await api.getFlowsOutcomes({ name: "List", sortBy: "name", pageSize: 2, pageNumber: 2 });
        expect(second.body).toMatchObject({ pageSize: 2, pageNumber: 2, total: 3, pageCount: 2 });
        expect(names(second)).toEqual(["List Gamma outcome"]);
        const home = made[0].division.id;
        expect((await api.getFlowsOutcomes({ divisionId: [home], name: "List" })).body.total).toBe(3);
        expect((await api.getFlowsOutcomes({ divisionId: [NO_SUCH_ID] })).body.total).toBe(0);
        expect((await refused(api.getFlowsOutcomes({ sortBy: "division" }))).status).toBe(400);
      });
    });

    it("PUT replaces the outcome and answers the operation; a taken name or an unknown id is refused", async () => {
      const o = await newOutcome("Arch Put me", "old text");
      const res = await api.putFlowsOutcome(o.id, { body: { name: "Arch Put done" } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        complete: true,
        actionName: "UPDATE",
        actionStatus: "SUCCESS",
      });
      const after = (await api.getFlowsOutcome(o.id)).body;
      expect(after).toEqual({ ...o, name: "Arch Put done", description: undefined });
      expect(after).not.toHaveProperty("description");
      // Its own name in another case is no conflict.
      expect((await api.putFlowsOutcome(o.id, { body: { name: "ARCH PUT DONE" } })).status).toBe(200);
      await newOutcome("Arch Taken");
      const taken = await refused(api.putFlowsOutcome(o.id, { body: { name: "arch taken" } }));
      expect(taken.status).toBe(409);
      expect(taken.body.message).toContain("Arch Taken");
      expect((await refused(api.putFlowsOutcome(NO_SUCH_ID, { body: { name: "x" } }))).status).toBe(404);
    });
  });

  describe("flow milestones", () => {
    it("creates, reads, lists, replaces (answering the milestone) and deletes a milestone", async () => {
      const m = (await api.postFlowsMilestones({ body: { name: "Arch Verified", description: "by PIN" } })).body;
      expect(m).toEqual({
        id: expect.stringMatching(UUID),
        name: "Arch Verified",
        description: "by PIN",
        division: expect.objectContaining({ name: "Home" }),
        selfUri: `/api/v2/flows/milestones/${m.id}`,
      });
      expect((await api.getFlowsMilestone(m.id)).body).toEqual(m);
      expect(names(await api.getFlowsMilestones({ name: "arch verif" }))).toEqual(["Arch Verified"]);
      expect(ids(await api.getFlowsMilestones({ id: [m.id], name: "nothing like it" }))).toEqual([m.id]);

      const put = await api.putFlowsMilestone(m.id, { body: { name: "Arch Verified twice", description: "by PIN" } });
      expect(put.body).toEqual({ ...m, name: "Arch Verified twice" });
      expect((await refused(api.postFlowsMilestones({ body: { name: "arch verified TWICE" } }))).status).toBe(409);

      expect((await api.deleteFlowsMilestone(m.id)).status).toBe(204);
      expect((await refused(api.getFlowsMilestone(m.id))).status).toBe(404);
      expect((await refused(api.deleteFlowsMilestone(m.id))).status).toBe(404);
    });

    it("refuses to delete a milestone a published flow refers to, naming the flow, until the flow is deleted", async () => {
      const o = await newOutcome("Arch Ref outcome");
      const m = await newMilestone("Arch Ref milestone");
      const flow = await published(flowYaml("Arch Ref flow", o.id, m.id));
      const err = await refused(api.deleteFlowsMilestone(m.id));
      expect(err.status).toBe(409);
      expect(err.body).toMatchObject({ code: "general.conflict" });
      expect(err.body.message).toContain(`"Arch Ref flow" (${flow.id})`);
      await api.deleteFlow(flow.id);
      expect((await api.deleteFlowsMilestone(m.id)).status).toBe(204);
    });
  });

  describe("publish jobs", () => {
    let outcome: any;
    let milestone: any;
    beforeAll(async () => {
      outcome = await newOutcome("Arch Job outcome");
      milestone = await newMilestone("Arch Job milestone");
    });

    it("publishes a new flow as version 1.0, then the same name and type as 2.0 of the same flow", async () => {
      const job = (await api.postFlowsJobs({ body: {} })).body;
      expect(job).toEqual({
        id: expect.stringMatching(UUID),
        presignedUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/genesys\/architect\/uploads\?/),
        headers: { "Content-Type": "application/octet-stream", "x-amz-server-side-encryption": "AES256" },
        selfUri: `/api/v2/flows/jobs/${job.id}`,
      });
      expect((await api.getFlowsJob(job.id)).body).toMatchObject({ id: job.id, status: "Started" });
      const yaml = flowYaml("Arch Main line", outcome.id, milestone.id);
      const up = await fetch(job.presignedUrl, { method: "PUT", headers: job.headers, body: yaml });
      expect(up.status).toBe(200);
      const done = await final(() => api.getFlowsJob(job.id));
      expect(done).toEqual({
        id: job.id,
        status: "Success",
        command: "publish",
        flow: { id: expect.stringMatching(UUID), selfUri: `/api/v2/flows/${done.flow.id}` },
        messages: [{ type: "Info", text: "Flow published as version 1.0", dateTime: expect.stringMatching(ISO) }],
        selfUri: `/api/v2/flows/jobs/${job.id}`,
      });
      // Read again, the job says the same: it settled once.
      expect((await api.getFlowsJob(job.id)).body).toEqual(done);

      const flow = (await api.getFlow(done.flow.id)).body;
      expect(flow).toMatchObject({
        id: done.flow.id,
        name: "Arch Main line",
        description: "Main support line",
        type: "INBOUNDCALL",
        division: { name: "Home" },
        active: true,
        system: false,
        deleted: false,
        publishedVersion: { id: "1.0", datePublished: expect.stringMatching(ISO) },
        checkedInVersion: { id: "1.0" },
        selfUri: `/api/v2/flows/${done.flow.id}`,
      });
      expect(flow).not.toHaveProperty("lockedUser");

      const again = await published(flowYaml("ARCH MAIN LINE", outcome.id, milestone.id, "Edited"));
      expect(again).toMatchObject({ id: flow.id, description: "Edited", publishedVersion: { id: "2.0" } });
    });

    it("fails a file with a syntax error, one message per error with its line and column", async () => {
      const job = await publish("inboundCall:\n  name: [oops\n");
      expect(job.status).toBe("Failure");
      expect(job).not.toHaveProperty("flow");
      expect(job.messages).toEqual([
        { type: "Error", text: expect.stringMatching(/^line 3, column 1: /), dateTime: expect.stringMatching(ISO) },
      ]);
    });

    it.each([
      [
        "a top-level key that is no flow type",
        "inboundcall:\n  name: x\n",
        /^line 1: .*flow type \(bot, .*it has inboundcall/,
      ],
      [
        "two flows in one file",
        `${bare("a")}${bare("b", "inQueueCall")}`,
        /^line 1: .*it has inboundCall, inQueueCall/,
      ],
      ["a list", "- inboundCall\n", /^line 1: .*it is not a mapping/],
      ["no name", "\ninboundCall:\n  description: nameless\n", /^line 2: inboundCall needs a name/],
      ["a blank name", 'inboundCall:\n  description: x\n  name: "  "\n', /^line 3: inboundCall needs a name/],
      ["a division the org lacks", "inboundCall:\n  name: x\n  division: Sales\n", /^line 3: division Sales is not/],
    ])("fails %s with a message naming the line", async (_, yaml, text) => {
      const job = await publish(yaml);
      expect(job.status).toBe("Failure");
      expect(job.messages).toHaveLength(1);
      expect(job.messages[0]).toMatchObject({ type: "Error", text: expect.stringMatching(text) });
    });

    it("reports every unknown outcome and milestone together, each with its line, and publishes nothing", async () => {
      const yaml = flowYaml("Arch Never published", NO_SUCH_ID, "not-a-milestone");
      const job = await publish(yaml);
      expect(job.status).toBe("Failure");
      expect(job.messages.map((m: any) => m.text)).toEqual([
        "line 15: flowMilestoneId not-a-milestone is not a flow milestone of this org",
        `line 18: flowOutcomeId ${NO_SUCH_ID} is not a flow outcome of this org`,
      ]);
      expect((await api.getFlows({ name: "Arch Never published" })).body.total).toBe(0);
    });

    describe("upload links", () => {
      const register = async () => (await api.postFlowsJobs({ body: {} })).body;
      const put = (url: string, headers: Record<string, string>, body = bare("Arch Upload")) =>
        fetch(url, { method: "PUT", headers, body });

      it("refuses a wrong or missing signature with an S3-style 403 and takes nothing", async () => {
        const job = await register();
        const wrong = new URL(job.presignedUrl);
        wrong.searchParams.set("X-Amz-Signature", "0".repeat(40));
        const res = await put(wrong.href, job.headers);
        expect(res.status).toBe(403);
        expect(await res.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
        wrong.searchParams.delete("X-Amz-Signature");
        expect((await put(wrong.href, job.headers)).status).toBe(403);
        expect((await api.getFlowsJob(job.id)).body.status).toBe("Started");
      });

      it("refuses an upload without the listed headers", async () => {
        const job = await register();
        const { "x-amz-server-side-encryption": _, ...noEncryption } = job.headers;
        const res = await put(job.presignedUrl, noEncryption);
        expect(res.status).toBe(403);
        expect(await res.text()).toContain("x-amz-server-side-encryption");
        const plain = await put(job.presignedUrl, { ...job.headers, "Content-Type": "text/plain" });
        expect(plain.status).toBe(403);
        expect((await api.getFlowsJob(job.id)).body.status).toBe("Started");
      });

      it("takes one upload per job, and none for a job that does not exist", async () => {
        const job = await register();
        expect((await put(job.presignedUrl, job.headers)).status).toBe(200);
        const second = await put(job.presignedUrl, job.headers);
        expect(second.status).toBe(403);
        expect(await second.text()).toMatch(/<Code>AccessDenied<\/Code>/);
        const unknown = new URL(job.presignedUrl);
        unknown.searchParams.set("jobId", NO_SUCH_ID);
        expect((await put(unknown.href, job.headers)).status).toBe(403);
      });

      it("answers an unknown job with 404 not.found", async () => {
        const err = await refused(api.getFlowsJob(NO_SUCH_ID));
        expect(err.status).toBe(404);
        expect(err.body).toMatchObject({ code: "not.found" });
      });
    });
  });

  describe("locks held by other people", () => {
    const lock = (flowId: string, user?: object) =>
      admin(sandbox, "POST", "genesys/flow-lock", { flowId, ...(user && { user }) });

    it("fails a publish on a flow someone locked, refuses its delete, and works again once unlocked", async () => {
      const flow = await published(bare("Arch Locked line"));
      const res = await lock(flow.id);
      expect(res.status).toBe(200);
      const locked: any = await res.json();
      expect(locked.lockedUser).toEqual({
        id: expect.stringMatching(UUID),
        name: "Dana Whitfield",
        selfUri: expect.any(String),
      });
      const dana = locked.lockedUser;
      expect((await api.getFlow(flow.id)).body.lockedUser).toEqual(dana);

      const job = await publish(bare("Arch Locked line"));
      expect(job.status).toBe("Failure");
      expect(job.messages[0].text).toMatch(
        new RegExp(
          `^Flow 'Arch Locked line' is locked by Dana Whitfield \\(${dana.id}\\), since \\S+Z; unlock it first$`,
        ),
      );

      const err = await refused(api.deleteFlow(flow.id));
      expect(err.status).toBe(409);
      expect(err.body).toMatchObject({
        code: "general.conflict",
        message: `Flow Arch Locked line is locked by Dana Whitfield (${dana.id})`,
      });

      const unlocked = await api.postFlowsActionsUnlock(flow.id);
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toMatchObject({ id: flow.id, publishedVersion: { id: "1.0" } });
      expect(unlocked.body).not.toHaveProperty("lockedUser");
      expect((await published(bare("Arch Locked line"))).publishedVersion.id).toBe("2.0");
    });

    it("locks as the user named, and the admin DELETE releases the lock", async () => {
      const flow = await published(bare("Arch Named lock"));
      const user = { id: NO_SUCH_ID, name: "Sam Ortiz" };
      expect(((await (await lock(flow.id, user)).json()) as any).lockedUser).toMatchObject(user);
      expect((await publish(bare("Arch Named lock"))).messages[0].text).toContain(
        `locked by Sam Ortiz (${NO_SUCH_ID})`,
      );
      const released = await admin(sandbox, "DELETE", "genesys/flow-lock", { flowId: flow.id });
      expect(released.status).toBe(200);
      expect(await released.json()).not.toHaveProperty("lockedUser");
      expect((await lock(NO_SUCH_ID)).status).toBe(404);
      expect((await admin(sandbox, "POST", "genesys/flow-lock", {})).status).toBe(400);
    });

    it("the flow-lock fault locks an existing flow as its job settles; a new flow is not affected", async () => {
      const flow = await published(bare("Arch Fault line"));
      await faults(sandbox, { genesys: { "flow-lock": 1 } });
      try {
        const job = await publish(bare("Arch Fault line"));
        expect(job.status).toBe("Failure");
        expect(job.messages[0].text).toMatch(/^Flow 'Arch Fault line' is locked by Dana Whitfield/);
        expect((await api.getFlow(flow.id)).body.lockedUser.name).toBe("Dana Whitfield");
        expect((await publish(bare("Arch Fault new line"))).status).toBe("Success");
      } finally {
        await faults(sandbox, {});
      }
      await api.postFlowsActionsUnlock(flow.id);
    });

    it("unlocking an unknown flow is a 404", async () => {
      expect((await refused(api.postFlowsActionsUnlock(NO_SUCH_ID))).status).toBe(404);
    });
  });

  describe("flows", () => {
    let flows: any[];
    beforeAll(async () => {
      flows = [];
      flows.push(await published(`${bare("Filter Alpha call")}  description: reaches the refunds desk\n`));
      flows.push(await published(bare("Filter Beta chat", "inboundChat")));
      flows.push(await published(bare("Filter Gamma queue", "inQueueCall")));
    });

    it("filters by type, parts of the name or description, and answers ids whatever else is asked", async () => {
      expect(names(await api.getFlows({ type: ["INBOUNDCHAT"], name: "Filter" }))).toEqual(["Filter Beta chat"]);
      expect(names(await api.getFlows({ name: "filter*call" }))).toEqual(["Filter Alpha call"]);
      expect(names(await api.getFlows({ description: "REFUNDS" }))).toEqual(["Filter Alpha call"]);
      expect(names(await api.getFlows({ nameOrDescription: "gamma" }))).toEqual(["Filter Gamma queue"]);
      const byId = await api.getFlows({ id: [flows[0].id, flows[2].id], type: ["INBOUNDCHAT"], name: "zzz" });
      expect(ids(byId).sort()).toEqual([flows[0].id, flows[2].id].sort());
    });

    it("sorts by name either way and pages", async () => {
      const desc = await api.getFlows({ name: "Filter", sortBy: "name", sortOrder: "descending" });
      expect(names(desc)).toEqual(["Filter Gamma queue", "Filter Beta chat", "Filter Alpha call"]);
      const p2 = await api.getFlows({ name: "Filter", sortBy: "name", pageSize: 2, pageNumber: 2 });
      expect(p2.body).toMatchObject({ total: 3, pageCount: 2, pageNumber: 2 });
      expect(names(p2)).toEqual(["Filter Gamma queue"]);
      expect((await refused(api.getFlows({ sortBy: "publishedVersion" }))).status).toBe(400);
    });

    it("answers an unknown flow with 404 not.found", async () => {
      const err = await refused(api.getFlow(NO_SUCH_ID));
      expect(err.status).toBe(404);
      expect(err.body).toMatchObject({ status: 404, code: "not.found", message: expect.stringContaining(NO_SUCH_ID) });
    });

    it("deletes a flow softly: gone unless deleted flows are asked for; its name is free again", async () => {
      const flow = await published(bare("Arch Delete me"));
      expect((await api.deleteFlow(flow.id)).status).toBe(204);
      expect((await refused(api.getFlow(flow.id))).status).toBe(404);
      expect((await api.getFlow(flow.id, { deleted: true })).body).toMatchObject({ id: flow.id, deleted: true });
      expect((await api.getFlows({ name: "Arch Delete me" })).body.total).toBe(0);
      expect(ids(await api.getFlows({ id: [flow.id] }))).toEqual([]);
      expect(ids(await api.getFlows({ name: "Arch Delete me", deleted: true }))).toEqual([flow.id]);
      expect((await refused(api.deleteFlow(flow.id))).status).toBe(404);
      expect((await refused(api.deleteFlow(NO_SUCH_ID))).status).toBe(404);
      const again = await published(bare("Arch Delete me"));
      expect(again.id).not.toBe(flow.id);
      expect(again.publishedVersion.id).toBe("1.0");
    });
  });

  describe("export jobs", () => {
    it("exports a flow's published YAML through a download link", async () => {
      const o = await newOutcome("Arch Export outcome");
      const m = await newMilestone("Arch Export milestone");
      const yaml = flowYaml("Arch Export line", o.id, m.id);
      const flow = await published(yaml);
      const job = await api.postFlowsExportJobs({ flows: [{ flow: { id: flow.id }, exportType: "yaml" }] });
      expect(job.body).toEqual({
        id: expect.stringMatching(UUID),
        status: "Started",
        totalFlows: 1,
        selfUri: `/api/v2/flows/export/jobs/${job.body.id}`,
      });
      const done = await final(() => api.getFlowsExportJob(job.body.id));
      expect(done).toMatchObject({
        status: "Success",
        downloadUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/genesys\/architect\/downloads\?/),
      });
      const res = await fetch(done.downloadUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/yaml/);
      expect(await res.text()).toBe(yaml);

      const wrong = new URL(done.downloadUrl);
      wrong.searchParams.set("X-Amz-Signature", "f".repeat(40));
      expect((await fetch(wrong)).status).toBe(403);
    });

    it("exports several flows as YAML documents separated by ---", async () => {
      const a = await published(bare("Arch Export A"));
      const b = await published(bare("Arch Export B", "inboundEmail"));
      const job = await api.postFlowsExportJobs({
        flows: [{ flow: { id: a.id } }, { flow: { id: b.id, version: "1.0" } }],
      });
      expect(job.body.totalFlows).toBe(2);
      const done = await final(() => api.getFlowsExportJob(job.body.id));
      expect(await (await fetch(done.downloadUrl)).text()).toBe(
        `${bare("Arch Export A")}---\n${bare("Arch Export B", "inboundEmail")}`,
      );
    });

    it("refuses a flow that does not exist, or a version it does not keep, naming it", async () => {
      const err = await refused(api.postFlowsExportJobs({ flows: [{ flow: { id: NO_SUCH_ID } }] }));
      expect(err.status).toBe(400);
      expect(err.body.message).toContain(NO_SUCH_ID);
      const flow = await published(bare("Arch Export versioned"));
      const old = await refused(api.postFlowsExportJobs({ flows: [{ flow: { id: flow.id, version: "7.0" } }] }));
      expect(old.status).toBe(400);
      expect(old.body.details[0].fieldName).toBe("flows[0].flow.version");
      expect((await refused(api.getFlowsExportJob(NO_SUCH_ID))).status).toBe(404);
    });
  });

  describe("the seeded org", () => {
    const data = analyticsData(1, Date.parse(`${ANALYTICS_END}T00:00:00Z`));

    it("holds the analytics data set's flows: same ids, names, types and published versions", async () => {
      const res = await api.getFlows({ id: data.flows.map((f) => f.id), pageSize: 100 });
      const byId = new Map(res.body.entities.map((f: any) => [f.id, f]));
      for (const f of data.flows)
        expect(byId.get(f.id)).toMatchObject({ name: f.name, type: f.type, publishedVersion: { id: f.version } });
    });

    it("holds its flow outcomes and milestones by the same ids and names", async () => {
      const outcomes = new Map(data.flows.flatMap((f) => f.outcomes.map((o) => [o.id, o.name] as const)));
      const milestones = new Map(data.flows.flatMap((f) => f.milestones.map((m) => [m.id, m.name] as const)));
      const o = await api.getFlowsOutcomes({ id: [...outcomes.keys()], pageSize: 100 });
      expect(new Map(o.body.entities.map((x: any) => [x.id, x.name]))).toEqual(outcomes);
      const m = await api.getFlowsMilestones({ id: [...milestones.keys()], pageSize: 100 });
      expect(new Map(m.body.entities.map((x: any) => [x.id, x.name]))).toEqual(milestones);
    });

    it("exports a seeded flow's YAML, which refers to its outcomes and milestones, and keeps its milestones in use", async () => {
      const f = data.flows[0];
      const job = await api.postFlowsExportJobs({ flows: [{ flow: { id: f.id }, exportType: "yaml" }] });
      const done = await final(() => api.getFlowsExportJob(job.body.id));
      const yaml = await (await fetch(done.downloadUrl)).text();
      expect(yaml).toMatch(new RegExp(`^inboundCall:\\n  name: ${f.name}\\n`));
      for (const o of f.outcomes) expect(yaml).toContain(`flowOutcomeId: "${o.id}"`);
      for (const m of f.milestones) expect(yaml).toContain(`flowMilestoneId: "${m.id}"`);
      const err = await refused(api.deleteFlowsMilestone(f.milestones[0].id));
      expect(err.status).toBe(409);
      expect(err.body.message).toContain(f.name);
    });

    it("publishing a seeded flow's name and type again makes its next version", async () => {
      const f = data.flows[1];
      const next = `${Number.parseInt(f.version, 10) + 1}.0`;
      const flow = await published(bare(f.name, "inboundCall"));
      expect(flow).toMatchObject({ id: f.id, publishedVersion: { id: next } });
    });
  });
});

describe("Architect job timing and the flow-lock fault's options", () => {
  it("a job stays Running for architectJobMs after its upload (default 400)", async () => {
    await withSandbox({ architectJobMs: 600_000 }, async (s) => {
      expect(s.options.architectJobMs).toBe(600_000);
      const client = genesysSdkClient(s.url);
      await client.loginClientCredentialsGrant("sandbox-client", "sandbox-secret");
      const api = new platformClient.ArchitectApi(client);
      const job = (await api.postFlowsJobs({ body: {} })).body;
      await fetch(job.presignedUrl, { method: "PUT", headers: job.headers, body: bare("Arch Slow") });
      expect((await api.getFlowsJob(job.id)).body).toMatchObject({ status: "Running", command: "publish" });
      expect((await api.getFlowsJob(job.id)).body).not.toHaveProperty("messages");
      const exp = await api.postFlowsExportJobs({
        flows: [{ flow: { id: analyticsData(1, Date.parse(s.analyticsEnd)).flows[0].id } }],
      });
      const state = (await api.getFlowsExportJob(exp.body.id)).body;
      expect(state).toMatchObject({ status: "Running" });
      expect(state).not.toHaveProperty("downloadUrl");
    });
    await withSandbox({}, async (s) => expect(s.options.architectJobMs).toBe(400));
  });

  it("flow-lock is a rate between 0 and 1", () => {
    expect(parseFault("genesys:flow-lock=0.25")).toEqual(["genesys", "flow-lock", 0.25]);
    expect(() => parseFault("genesys:flow-lock=2")).toThrow(/flow-lock is a rate between 0 and 1/);
  });
});
