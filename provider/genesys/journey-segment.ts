// The Genesys Cloud journey segment resource: `pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment`.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import { desired, type Fields } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { MAX_PAGE_SIZE } from "./endpoints";
import { journeyLifecycle } from "./journey-entities";
import {
  Color,
  ExternalSegmentSource,
  type JourneySegmentRequest,
  type PatchSegment,
  type JourneySegment as Segment,
} from "./models";
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

/** Inputs of a {@link JourneySegment}; only `displayName` is required. */
export interface JourneySegmentArgs {
  /** Name shown in Genesys Cloud; cxflow keeps it unique (see `adopt`). */
  displayName: pulumi.Input<string>;
  /** Free text; absent or `""` means none (and clears it on the server). */
  description?: pulumi.Input<string>;
  /** `#RRGGBB`; when absent the server picks one and it never shows as a change. */
  color?: pulumi.Input<string>;
  /** Default true. */
  isActive?: pulumi.Input<boolean>;
  /** Default false. */
  shouldDisplayToAgent?: pulumi.Input<boolean>;
  /** Context conditions (patterns and criteria compare as sets); absent means none. */
  context?: pulumi.Input<ContextArgs>;
  /** Journey conditions (patterns and criteria compare as sets); absent means none. */
  journey?: pulumi.Input<JourneyArgs>;
  /**
   * A segment mirrored from an outside system. A new `id` or `source` (default `Custom`) replaces
   * the segment; `name` changes in place.
   */
  externalSegment?: pulumi.Input<{
    id: pulumi.Input<string>;
    name: pulumi.Input<string>;
    source?: pulumi.Input<"AdobeExperiencePlatform" | "Custom">;
  }>;
  /** Days a visitor keeps the segment once assigned; absent clears it. */
  assignmentExpirationDays?: pulumi.Input<number>;
  /**
   * Take over an existing segment with the same `displayName` instead of failing. Read only when
   * the resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

/** The strict schema of {@link JourneySegmentArgs} that check() applies. */
export const JourneySegmentInputs = z.strictObject({
  displayName: nonBlank(),
  description: z.string().optional(),
  color: Color.optional(),
  isActive: z.boolean().optional(),
  shouldDisplayToAgent: z.boolean().optional(),
  context: ContextInput.optional(),
  journey: JourneyInput.optional(),
  externalSegment: z
    .strictObject({ id: nonBlank(), name: nonBlank(), source: ExternalSegmentSource.optional() })
    .optional(),
  assignmentExpirationDays: z.number().int().min(0).optional(),
  adopt: z.boolean().optional(),
});
type In = z.infer<typeof JourneySegmentInputs>;

/** Outputs: the segment as the server holds it, plus what cxflow needs to manage it. */
interface Out extends Omit<Segment, "id"> {
  adopt?: boolean;
  /** True when this resource took over a segment that already existed. */
  adopted: boolean;
}

/** Every input field and how it diffs. */
export const fields: Fields = {
  displayName: {},
  description: { canonical: (v: string) => (v === "" ? undefined : v) },
  color: { serverChosen: true, canonical: (v: string) => v.toLowerCase() },
  isActive: { default: true },
  shouldDisplayToAgent: { default: false },
  context: contextField,
  journey: journeyField,
  externalSegment: {
    canonical: (e: NonNullable<In["externalSegment"]>) => ({ id: e.id, name: e.name, source: e.source ?? "Custom" }),
    // Only the name of an external segment can change.
    replaces: (a?: In["externalSegment"], b?: In["externalSegment"]) =>
      !a || !b || a.id !== b.id || (a.source ?? "Custom") !== (b.source ?? "Custom"),
  },
  assignmentExpirationDays: {},
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// Wire mapping

function createBody(i: In): JourneySegmentRequest {
  return {
    displayName: i.displayName,
    ...(i.description ? { description: i.description } : {}),
    ...(i.color !== undefined ? { color: i.color } : {}),
    isActive: i.isActive ?? true,
    shouldDisplayToAgent: i.shouldDisplayToAgent ?? false,
    context: toContext(i.context),
    journey: toJourney(i.journey),
    ...(i.externalSegment ? { externalSegment: i.externalSegment } : {}),
    ...(i.assignmentExpirationDays !== undefined ? { assignmentExpirationDays: i.assignmentExpirationDays } : {}),
  };
}

/** The PATCH that turns the server's segment into the desired one: only the `changed` fields. */
function patchBody(changed: string[], i: In, version: number): PatchSegment {
  const body: PatchSegment = { version };
  for (const key of changed) {
    switch (key) {
      case "displayName":
        body.displayName = i.displayName;
        break;
      case "description":
        body.description = i.description || null;
        break;
      case "color":
        body.color = i.color;
        break;
      case "isActive":
        body.isActive = desired(fields.isActive, i.isActive) as boolean;
        break;
      case "shouldDisplayToAgent":
        body.shouldDisplayToAgent = desired(fields.shouldDisplayToAgent, i.shouldDisplayToAgent) as boolean;
        break;
      case "context":
        body.context = toContext(i.context);
        break;
      case "journey":
        body.journey = toJourney(i.journey);
        break;
      case "externalSegment":
        body.externalSegment = { name: i.externalSegment?.name };
        break;
      case "assignmentExpirationDays":
        body.assignmentExpirationDays = i.assignmentExpirationDays ?? null;
        break;
    }
  }
  return body;
}

const definition: ResourceDefinition<In, Out> = {
  kind: "genesys.JourneySegment",
  path: "/journey/segments",
  args: JourneySegmentInputs,
  fields,
  export: {
    suffix: "Segment",
    plural: "segments",
    async read({ clients, keep }) {
      const out = [];
      for await (const s of clients.genesys().segments({ pageSize: MAX_PAGE_SIZE })) {
        if (!keep(s.displayName)) continue;
        const args = {
          displayName: s.displayName,
          description: s.description,
          color: s.color,
          isActive: s.isActive,
          shouldDisplayToAgent: s.shouldDisplayToAgent,
          context: s.context?.patterns?.length ? s.context : undefined,
          journey: s.journey?.patterns?.length ? s.journey : undefined,
          externalSegment: s.externalSegment,
          assignmentExpirationDays: s.assignmentExpirationDays,
          adopt: true,
        };
        out.push({ id: s.id, name: s.displayName, args });
      }
      return out;
    },
  },
  // Names: cxflow refuses a second segment with a name in use (Genesys does not say whether it
  // would), because the name is how an ambiguous create is recovered and how `adopt` finds one.
  ...journeyLifecycle<Segment, In, Out>({
    what: "journey segment",
    property: "displayName",
    nameOf: (x) => x.displayName,
    fields,
    list: () => genesys().segments({ pageSize: MAX_PAGE_SIZE }),
    get: (id) => genesys().getSegment(id),
    byIds: {
      list: (segmentIds) => genesys().listSegments({ segmentIds }),
      page: (query) => genesys().listSegments(query),
    },
    post: (i) => genesys().createSegment(createBody(i)),
    patch: (id, changed, i, version) => genesys().patchSegment(id, patchBody(changed, i, version)),
    remove: (id) => genesys().deleteSegment(id),
    usedAs: "journey segment",
  }),
  inputsOf(_outs, inputs) {
    patternInputs(inputs);
    if (inputs.description === "") delete inputs.description;
    return inputs;
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const journeySegment = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);

/**
 * A Genesys Cloud journey segment (`/api/v2/journey/segments`). Fields you leave out keep the
 * server's value (color) or its documented default (active, hidden from agents, no conditions).
 * Updates are PATCHes carrying the version read just before; a concurrent edit is re-read and
 * re-applied. Type token: `pulumi-nodejs:dynamic/cxflow/genesys:JourneySegment`.
 */
export class JourneySegment extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** Name shown in Genesys Cloud, as the server holds it. */
  declare readonly displayName: pulumi.Output<string>;
  /** The server's description; absent when the segment has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** `#RRGGBB` as the server holds it: the server's pick when you set none. */
  declare readonly color: pulumi.Output<string>;
  /** Whether the segment is active. */
  declare readonly isActive: pulumi.Output<boolean>;
  /** Whether the segment is shown to agents. */
  declare readonly shouldDisplayToAgent: pulumi.Output<boolean>;
  /**
   * Context conditions as the server holds them, with its defaults written out (`operator`,
   * `shouldIgnoreCase`, `entityType`); `{ patterns: [] }` when there are none.
   */
  declare readonly context: pulumi.Output<Segment["context"]>;
  /**
   * Journey conditions as the server holds them, with its defaults written out (`operator`,
   * `shouldIgnoreCase`); `{ patterns: [] }` when there are none.
   */
  declare readonly journey: pulumi.Output<Segment["journey"]>;
  /** The outside system's segment (`id`, `name`, `source`); absent for a segment made in Genesys Cloud. */
  declare readonly externalSegment: pulumi.Output<Segment["externalSegment"]>;
  /** Days a visitor keeps the segment once assigned; absent when unset. */
  declare readonly assignmentExpirationDays: pulumi.Output<number | undefined>;
  /** `Session` (read-only today). */
  declare readonly scope: pulumi.Output<Segment["scope"]>;
  /** Rises with every change. */
  declare readonly version: pulumi.Output<number>;
  /** The segment's API path, `/api/v2/journey/segments/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** When the segment was created (ISO-8601 date-time, UTC), set by the server; never changes. */
  declare readonly createdDate: pulumi.Output<string>;
  /** When the segment last changed (ISO-8601 date-time, UTC), set by the server on every change, from Pulumi or not. */
  declare readonly modifiedDate: pulumi.Output<string>;
  /** True when this resource took over a segment that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares a journey segment in the stack; `pulumi up` creates it, or takes it over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the segment's `displayName`).
   * @param args The segment's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: JourneySegmentArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      scope: undefined,
      version: undefined,
      selfUri: undefined,
      createdDate: undefined,
      modifiedDate: undefined,
      adopted: undefined,
    };
    super(
      provider,
      name,
      { color: undefined, ...outputs, ...args, [NAME_KEY]: name },
      opts,
      "cxflow/genesys",
      "JourneySegment",
    );
  }
}
