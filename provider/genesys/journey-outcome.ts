// The Genesys Cloud journey outcome resource: `pulumi-nodejs:dynamic/cxflow/genesys:JourneyOutcome`.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { desired, type Fields } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { MAX_OUTCOME_IDS, MAX_PAGE_SIZE } from "./endpoints";
import { journeyLifecycle } from "./journey-entities";
import { AssociatedValueDataType, type Outcome, type OutcomeRequest, type PatchOutcome } from "./models";
import {
  type ContextArgs,
  ContextInput,
  contextField,
  type JourneyArgs,
  JourneyInput,
  journeyField,
  patternInputs,
  toContext,
  toJourney,
} from "./patterns";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** Inputs of a {@link JourneyOutcome}; only `displayName` is required. */
export interface JourneyOutcomeArgs {
  /** Name shown in Genesys Cloud; cxflow keeps it unique (see `adopt`). */
  displayName: pulumi.Input<string>;
  /** Free text; absent or `""` means none (and clears it on the server). */
  description?: pulumi.Input<string>;
  /** Default true. */
  isActive?: pulumi.Input<boolean>;
  /** Whether reaching the outcome is good (a purchase) or bad (a cancellation); default true. */
  isPositive?: pulumi.Input<boolean>;
  /** Context conditions a visitor must meet (patterns and criteria compare as sets); absent means none. */
  context?: pulumi.Input<ContextArgs>;
  /** Journey events that achieve the outcome (patterns and criteria compare as sets); absent means none. */
  journey?: pulumi.Input<JourneyArgs>;
  /**
   * The custom-event attribute whose value an achieved outcome records, e.g. `{ dataType: "Number",
   * name: "attributes.orderTotal.value" }`; absent records none (and clears it on the server).
   */
  associatedValueField?: pulumi.Input<{ dataType: pulumi.Input<"Number" | "Integer">; name: pulumi.Input<string> }>;
  /**
   * Take over an existing outcome with the same `displayName` instead of failing. Read only when
   * the resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

/** The strict schema of {@link JourneyOutcomeArgs} that check() applies. */
export const JourneyOutcomeInputs = z.strictObject({
  displayName: nonBlank(),
  description: z.string().optional(),
  isActive: z.boolean().optional(),
  isPositive: z.boolean().optional(),
  context: ContextInput.optional(),
  journey: JourneyInput.optional(),
  associatedValueField: z.strictObject({ dataType: AssociatedValueDataType, name: nonBlank() }).optional(),
  adopt: z.boolean().optional(),
});
type In = z.infer<typeof JourneyOutcomeInputs>;

/** Outputs: the outcome as the server holds it, plus what cxflow needs to manage it. */
interface Out extends Omit<Outcome, "id"> {
  adopt?: boolean;
  /** True when this resource took over an outcome that already existed. */
  adopted: boolean;
}

/** Every input field and how it diffs. */
export const fields: Fields = {
  displayName: {},
  description: { canonical: (v: string) => (v === "" ? undefined : v) },
  isActive: { default: true },
  isPositive: { default: true },
  context: contextField,
  journey: journeyField,
  associatedValueField: {},
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// Wire mapping

function createBody(i: In): OutcomeRequest {
  return {
    displayName: i.displayName,
    ...(i.description ? { description: i.description } : {}),
    isActive: i.isActive ?? true,
    isPositive: i.isPositive ?? true,
    context: toContext(i.context),
    journey: toJourney(i.journey),
    ...(i.associatedValueField ? { associatedValueField: i.associatedValueField } : {}),
  };
}

/** The PATCH that turns the server's outcome into the desired one: the `changed` fields (and the name, which the API requires). */
function patchBody(changed: string[], i: In, version: number): PatchOutcome {
  const body: PatchOutcome = { displayName: i.displayName, version };
  for (const key of changed) {
    switch (key) {
      case "description":
        body.description = i.description || null;
        break;
      case "isActive":
        body.isActive = desired(fields.isActive, i.isActive) as boolean;
        break;
      case "isPositive":
        body.isPositive = desired(fields.isPositive, i.isPositive) as boolean;
        break;
      case "context":
        body.context = toContext(i.context);
        break;
      case "journey":
        body.journey = toJourney(i.journey);
        break;
      case "associatedValueField":
        body.associatedValueField = i.associatedValueField ?? null;
        break;
    }
  }
  return body;
}

const definition: ResourceDefinition<In, Out> = {
  kind: "genesys.JourneyOutcome",
  path: "/journey/outcomes",
  args: JourneyOutcomeInputs,
  fields,
  export: {
    suffix: "Outcome",
    plural: "outcomes",
    async read({ clients, keep }) {
      const out = [];
      for await (const o of clients.genesys().outcomes({ pageSize: MAX_PAGE_SIZE })) {
        if (!keep(o.displayName)) continue;
        const args = {
          displayName: o.displayName,
          description: o.description,
          isActive: o.isActive,
          isPositive: o.isPositive,
          context: o.context?.patterns?.length ? o.context : undefined,
          journey: o.journey?.patterns?.length ? o.journey : undefined,
          associatedValueField: o.associatedValueField,
          adopt: true,
        };
        out.push({ id: o.id, name: o.displayName, args });
      }
      return out;
    },
  },
  // Names are unique, as for segments: the name is how an ambiguous create is recovered and how `adopt` finds one.
  ...journeyLifecycle<Outcome, In, Out>({
    what: "journey outcome",
    property: "displayName",
    nameOf: (x) => x.displayName,
    fields,
    list: () => genesys().outcomes({ pageSize: MAX_PAGE_SIZE }),
    get: (outcomeId) => genesys().call("getOutcome", { params: { outcomeId } }),
    byIds: {
      list: (outcomeIds) => genesys().call("listOutcomes", { query: { outcomeIds } }),
      page: (query) => genesys().call("listOutcomes", { query }),
      maxIds: MAX_OUTCOME_IDS,
    },
    post: (i) => genesys().call("createOutcome", { body: createBody(i) }),
    patch: (outcomeId, changed, i, version) =>
      genesys().call("patchOutcome", { params: { outcomeId }, body: patchBody(changed, i, version) }),
    remove: (outcomeId) => genesys().call("deleteOutcome", { params: { outcomeId } }),
    usedAs: "journey outcome",
  }),
  inputsOf(_outs, inputs) {
    patternInputs(inputs);
    if (inputs.description === "") delete inputs.description;
    return inputs;
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const journeyOutcome = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);
let warned = false;

/**
 * A Genesys Cloud journey outcome (`/api/v2/journey/outcomes`): a goal a visitor can reach, such
 * as a purchase, recognised by context and journey conditions (the same kinds as a segment's).
 * Action maps target it and journey analytics count it (`nJourneyOutcomesAchieved` by
 * `outcomeId`). Updates are PATCHes carrying the version read just before; a concurrent edit is
 * re-read and re-applied. Genesys marks the outcome endpoints deprecated (SDK 262), so each run
 * warns once. Type token: `pulumi-nodejs:dynamic/cxflow/genesys:JourneyOutcome`.
 */
export class JourneyOutcome extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** Name shown in Genesys Cloud, as the server holds it. */
  declare readonly displayName: pulumi.Output<string>;
  /** The server's description; absent when the outcome has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Whether the outcome is active. */
  declare readonly isActive: pulumi.Output<boolean>;
  /** Whether reaching the outcome is good for the business. */
  declare readonly isPositive: pulumi.Output<boolean>;
  /**
   * Context conditions as the server holds them, with its defaults written out (`operator`,
   * `shouldIgnoreCase`, `entityType`); `{ patterns: [] }` when there are none.
   */
  declare readonly context: pulumi.Output<Outcome["context"]>;
  /**
   * Journey conditions as the server holds them, with its defaults written out (`operator`,
   * `shouldIgnoreCase`); `{ patterns: [] }` when there are none.
   */
  declare readonly journey: pulumi.Output<Outcome["journey"]>;
  /** The event attribute whose value is recorded; absent when unset. */
  declare readonly associatedValueField: pulumi.Output<Outcome["associatedValueField"]>;
  /** Rises with every change. */
  declare readonly version: pulumi.Output<number>;
  /** The outcome's API path, `/api/v2/journey/outcomes/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** When the outcome was created (ISO-8601 date-time, UTC), set by the server; never changes. */
  declare readonly createdDate: pulumi.Output<string>;
  /** When the outcome last changed (ISO-8601 date-time, UTC), set by the server on every change, from Pulumi or not. */
  declare readonly modifiedDate: pulumi.Output<string>;
  /** True when this resource took over an outcome that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares a journey outcome in the stack; `pulumi up` creates it, or takes it over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the outcome's `displayName`).
   * @param args The outcome's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: JourneyOutcomeArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      version: undefined,
      selfUri: undefined,
      createdDate: undefined,
      modifiedDate: undefined,
      adopted: undefined,
    };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "JourneyOutcome");
    if (!warned) {
      warned = true;
      pulumi.log.warn(
        "Genesys marks the journey outcome endpoints deprecated (SDK 262: Journey Outcomes is being removed); JourneyOutcome works for as long as the API answers.",
        this,
      );
    }
  }
}
