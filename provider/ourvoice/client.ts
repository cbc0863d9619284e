import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Budget } from "../http/limiter";
import { sharedLimiter } from "../http/limiter";
import type { RetryPolicy } from "../http/retry";
import { Transport } from "../http/transport";
import { endpoints } from "./endpoints";
import type { CreateFlow, Flow, ListFlowsQuery, UpdateFlow } from "./models";

/** How to reach Our Voice. */
export interface OurVoiceClientOptions {
  /** `https://api.getourvoice.com/v1`, or a sandbox's `<url>/ourvoice/v1`. */
  apiBase: string;
  /** API key, sent as `Authorization: Bearer <key>`; never logged, never part of an error. */
  apiKey: string;
  /** Request budget of this key (default 60 per minute; Our Voice publishes none). */
  budget?: Budget;
  /**
   * Retry policy of API calls (default: 8 attempts, random backoff up to 250 ms doubling to a
   * 20 s cap, `Retry-After` honoured up to 120 s).
   */
  retry?: RetryPolicy;
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** The Our Voice flows API, typed by its endpoint table. */
export function ourvoiceClient(o: OurVoiceClientOptions) {
  // The limiter is keyed by a digest, so the key itself is never held outside this closure.
  const account = createHash("sha256").update(o.apiKey).digest("hex").slice(0, 12);
  const t = new Transport({
    vendor: "ourvoice",
    endpoints,
    apiBase: o.apiBase,
    token: { get: async () => o.apiKey },
    limiter: sharedLimiter(`ourvoice:${account}`, o.budget ?? { limit: 60, periodMs: 60_000 }),
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    describe: (b) => (b as { message?: string } | undefined)?.message,
  });
  const client = {
    /**
     * Any row of the endpoint table by name, typed by the row (`call("getX", { params })`): the
     * named methods below are shorthands, and a new resource may call its rows through this.
     */
    call: t.call.bind(t),

    /** One page of flows (`page` from 1, `limit`, `filter[…]`); `links` and `meta` say what follows. */
    listFlows: (query: z.input<typeof ListFlowsQuery> = {}) => t.call("listFlows", { query }),
    /** One flow by id, out of its `data` envelope; a `not_found` error when there is none. */
    getFlow: async (flowId: string): Promise<Flow> => (await t.call("getFlow", { params: { flowId } })).data,
    /** Creates a flow. Never repeated after a 5xx or a lost answer: look it up by name instead. */
    createFlow: async (body: CreateFlow): Promise<Flow> => (await t.call("createFlow", { body })).data,
    /** PUT with the fields given; absent fields are kept. */
    updateFlow: async (flowId: string, body: UpdateFlow): Promise<Flow> =>
      (await t.call("updateFlow", { params: { flowId }, body })).data,
    /** Deletes a flow; a `not_found` error when it is already gone. */
    deleteFlow: (flowId: string) => t.call("deleteFlow", { params: { flowId } }),
    /** Every flow matching `query`, page by page; stops at the last or an empty page. */
    async *flows(query: Omit<z.input<typeof ListFlowsQuery>, "page"> = {}): AsyncGenerator<Flow> {
      for (let page = 1; ; page++) {
        const res = await client.listFlows({ ...query, page });
        yield* res.data;
        if (res.data.length === 0 || res.links.next === null || res.meta.current_page >= res.meta.last_page) return;
      }
    },
  };
  return client;
}

/** The typed Our Voice client returned by {@link ourvoiceClient}. */
export type OurVoiceClient = ReturnType<typeof ourvoiceClient>;
