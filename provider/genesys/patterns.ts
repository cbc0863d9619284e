// Context and journey patterns: the visitor conditions that journey segments and journey outcomes
// share. Declared once here (public args, input schema, field specs, wire mapping) and used by both.
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { asSet, type FieldSpec } from "../dynamic/fields";
import { CriteriaOperator, EntityType, WritableStreamType } from "./models";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** A condition on a journey event or on the visitor's context. */
export interface SegmentCriterionArgs {
  /** What is compared, e.g. `page.url`, `device.category`, `attributes.plan.value`. */
  key: pulumi.Input<string>;
  /** Values compared with `operator`; order does not matter. */
  values: pulumi.Input<pulumi.Input<string>[]>;
  /** Comparison (default `equal`). */
  operator?: pulumi.Input<CriteriaOperator>;
  /** Compare case-insensitively (default false). */
  shouldIgnoreCase?: pulumi.Input<boolean>;
}

/** A context criterion; `entityType` is `visit` (the only kind the API has) when absent. */
export interface SegmentContextCriterionArgs extends SegmentCriterionArgs {
  /** What the criterion looks at: `visit`, the only entity type (default `visit`). */
  entityType?: pulumi.Input<"visit">;
}

/** Events of one stream that must match `count` times. */
export interface SegmentJourneyPatternArgs {
  /** All must match; order does not matter. */
  criteria: pulumi.Input<pulumi.Input<SegmentCriterionArgs>[]>;
  /** How many matching events (at least 1). */
  count: pulumi.Input<number>;
  /** `Web` or `App` (the API refuses the other stream types on write). */
  streamType: pulumi.Input<"Web" | "App">;
  /** Session type, e.g. `web`. */
  sessionType: pulumi.Input<string>;
  /** Custom event name, for `App` streams. */
  eventName?: pulumi.Input<string>;
}

/** Context conditions: every criterion of one pattern must hold; patterns and criteria compare as sets. */
export interface ContextArgs {
  patterns?: pulumi.Input<pulumi.Input<{ criteria: pulumi.Input<pulumi.Input<SegmentContextCriterionArgs>[]> }>[]>;
}

/** Journey conditions: patterns and criteria compare as sets. */
export interface JourneyArgs {
  patterns?: pulumi.Input<pulumi.Input<SegmentJourneyPatternArgs>[]>;
}

// ---------------------------------------------------------------------------------------------
// Input schemas

const criterion = z.strictObject({
  key: z.string().min(1),
  values: z.array(z.string()),
  operator: CriteriaOperator.optional(),
  shouldIgnoreCase: z.boolean().optional(),
});

/** The strict schema of {@link ContextArgs}. */
export const ContextInput = z.strictObject({
  patterns: z
    .array(z.strictObject({ criteria: z.array(criterion.extend({ entityType: EntityType.optional() })).min(1) }))
    .optional(),
});
export type ContextInput = z.infer<typeof ContextInput>;

/** The strict schema of {@link JourneyArgs}. */
export const JourneyInput = z.strictObject({
  patterns: z
    .array(
      z.strictObject({
        criteria: z.array(criterion).min(1),
        count: z.number().int().min(1),
        streamType: WritableStreamType,
        sessionType: z.string().min(1),
        eventName: z.string().optional(),
      }),
    )
    .optional(),
});
export type JourneyInput = z.infer<typeof JourneyInput>;

// ---------------------------------------------------------------------------------------------
// Field specs: sets compared in canonical form, the server's defaults filled in

type AnyCriterion = z.infer<typeof criterion> & { entityType?: string };

const sameCriterion = (c: AnyCriterion) => ({
  key: c.key,
  values: asSet(c.values),
  operator: c.operator ?? "equal",
  shouldIgnoreCase: c.shouldIgnoreCase ?? false,
});

const NONE = { patterns: [] };

/** How a `context` field diffs: patterns and criteria as sets; absent means none. */
export const contextField: FieldSpec = {
  default: NONE,
  canonical: (c: ContextInput | undefined) =>
    asSet(c?.patterns, (p) => asSet(p.criteria, (x) => ({ ...sameCriterion(x), entityType: x.entityType ?? "visit" }))),
};

/** How a `journey` field diffs: patterns and criteria as sets; absent means none. */
export const journeyField: FieldSpec = {
  default: NONE,
  canonical: (j: JourneyInput | undefined) =>
    asSet(j?.patterns, (p) => ({
      count: p.count,
      streamType: p.streamType,
      sessionType: p.sessionType,
      eventName: p.eventName || undefined,
      criteria: asSet(p.criteria, sameCriterion),
    })),
};

// ---------------------------------------------------------------------------------------------
// Wire mapping

/** A criterion as sent: the server's defaults made explicit. */
const wireCriterion = <C extends AnyCriterion>(c: C) => ({
  ...c,
  operator: c.operator ?? "equal",
  shouldIgnoreCase: c.shouldIgnoreCase ?? false,
});

/** Context conditions as sent (absent: none). */
export const toContext = (c: ContextInput | undefined) => ({
  patterns: (c?.patterns ?? []).map((p) => ({
    criteria: p.criteria.map((x) => ({ ...wireCriterion(x), entityType: x.entityType ?? ("visit" as const) })),
  })),
});

/** Journey conditions as sent (absent: none). */
export const toJourney = (j: JourneyInput | undefined) => ({
  patterns: (j?.patterns ?? []).map((p) => ({ ...p, criteria: p.criteria.map(wireCriterion) })),
});

/** A criterion without the members that hold the server's defaults. */
function lean(c: AnyCriterion): AnyCriterion {
  const { operator, shouldIgnoreCase, entityType, ...rest } = c;
  return {
    ...rest,
    ...(operator !== undefined && operator !== "equal" ? { operator } : {}),
    ...(shouldIgnoreCase ? { shouldIgnoreCase } : {}),
    ...(entityType !== undefined && entityType !== "visit" ? { entityType } : {}),
  };
}

/**
 * The program's form of the `context` and `journey` that refreshed outputs imply: no patterns
 * means the field is left out, and the defaults the server writes into criteria are dropped.
 */
export function patternInputs(inputs: Record<string, any>): Record<string, any> {
  for (const key of ["context", "journey"]) {
    const v = inputs[key] as ContextInput | JourneyInput | undefined;
    if (v?.patterns?.length === 0) delete inputs[key];
    else if (v) inputs[key] = { patterns: v.patterns?.map((p: any) => ({ ...p, criteria: p.criteria.map(lean) })) };
  }
  return inputs;
}
