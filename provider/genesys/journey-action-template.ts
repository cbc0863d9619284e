// The Genesys Cloud journey action template resource:
// `pulumi-nodejs:dynamic/cxflow/genesys:JourneyActionTemplate`.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import { DEFINITION, NAME_KEY, type ResourceDefinition } from "../dynamic/define";
import type { Fields } from "../dynamic/fields";
import { genesys } from "../dynamic/runtime";
import { shell } from "../dynamic/shell";
import { MAX_PAGE_SIZE } from "./endpoints";
import { journeyLifecycle } from "./journey-entities";
import {
  ActionMediaType,
  type ActionTemplate,
  type ActionTemplateRequest,
  ContentOffer,
  type PatchActionTemplate,
} from "./models";

// ---------------------------------------------------------------------------------------------
// Public arguments

/** Text style of one part of a content offer. */
export interface TextStyleArgs {
  color?: pulumi.Input<string>;
  font?: pulumi.Input<string>;
  fontSize?: pulumi.Input<string>;
  textAlign?: pulumi.Input<"Left" | "Right" | "Center">;
}

/** A content offer: a pop-up with an image, texts and a button, shown by an action map. */
export interface ContentOfferArgs {
  /** `Modal`, `Overlay` or `Toast`. */
  displayMode: pulumi.Input<"Modal" | "Overlay" | "Toast">;
  /** Where the text sits: `TextOnly`, `ImageOnly`, `LeftText`, `RightText`, `TopText`, `BottomText`. */
  layoutMode: pulumi.Input<"TextOnly" | "ImageOnly" | "LeftText" | "RightText" | "TopText" | "BottomText">;
  imageUrl?: pulumi.Input<string>;
  imageAltText?: pulumi.Input<string>;
  title?: pulumi.Input<string>;
  headline?: pulumi.Input<string>;
  body?: pulumi.Input<string>;
  /** The button: `url` it opens, in a new tab (`target: "Blank"`) or this one (`"Self"`). */
  callToAction?: pulumi.Input<{
    url: pulumi.Input<string>;
    text?: pulumi.Input<string>;
    target?: pulumi.Input<"Blank" | "Self">;
  }>;
  /** Position, colours and fonts (CSS-like strings such as `20px`, `#FFFFFF`). */
  style?: pulumi.Input<{
    position?: pulumi.Input<{
      top?: pulumi.Input<string>;
      bottom?: pulumi.Input<string>;
      left?: pulumi.Input<string>;
      right?: pulumi.Input<string>;
    }>;
    offer?: pulumi.Input<{
      padding?: pulumi.Input<string>;
      color?: pulumi.Input<string>;
      backgroundColor?: pulumi.Input<string>;
    }>;
    closeButton?: pulumi.Input<{ color?: pulumi.Input<string>; opacity?: pulumi.Input<number> }>;
    ctaButton?: pulumi.Input<TextStyleArgs & { backgroundColor?: pulumi.Input<string> }>;
    title?: pulumi.Input<TextStyleArgs>;
    headline?: pulumi.Input<TextStyleArgs>;
    body?: pulumi.Input<TextStyleArgs>;
  }>;
}

/** Inputs of a {@link JourneyActionTemplate}. */
export interface JourneyActionTemplateArgs {
  /** Name shown in Genesys Cloud; cxflow keeps it unique (see `adopt`). */
  name: pulumi.Input<string>;
  /** Free text; absent or `""` means none (and clears it on the server). */
  description?: pulumi.Input<string>;
  /**
   * What the action shows: `contentOffer`, `webMessagingOffer`, `architectFlow`, `openAction`,
   * `integrationAction` or the legacy `webchat`. A change replaces the template.
   */
  mediaType: pulumi.Input<ActionMediaType>;
  /** `Active` (default) or `Inactive`. */
  state?: pulumi.Input<"Active" | "Inactive">;
  /** The offer itself: required for `mediaType: "contentOffer"`, refused for the others. */
  contentOffer?: pulumi.Input<ContentOfferArgs>;
  /**
   * Take over an existing template with the same `name` instead of failing. Read only when the
   * resource is created (Pulumi cannot `import` dynamic resources).
   */
  adopt?: pulumi.Input<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Schema and field specs

const textStyle = z.strictObject({
  color: z.string().optional(),
  font: z.string().optional(),
  fontSize: z.string().optional(),
  textAlign: z.enum(["Left", "Right", "Center"]).optional(),
});

/** The strict schema of {@link ContentOfferArgs}. */
const ContentOfferInput = z.strictObject({
  displayMode: ContentOffer.shape.displayMode,
  layoutMode: ContentOffer.shape.layoutMode,
  imageUrl: z.string().optional(),
  imageAltText: z.string().optional(),
  title: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  callToAction: z
    .strictObject({ url: nonBlank(), text: z.string().optional(), target: z.enum(["Blank", "Self"]).optional() })
    .optional(),
  style: z
    .strictObject({
      position: z
        .strictObject({
          top: z.string().optional(),
          bottom: z.string().optional(),
          left: z.string().optional(),
          right: z.string().optional(),
        })
        .optional(),
      offer: z
        .strictObject({
          padding: z.string().optional(),
          color: z.string().optional(),
          backgroundColor: z.string().optional(),
        })
        .optional(),
      closeButton: z
        .strictObject({ color: z.string().optional(), opacity: z.number().min(0).max(1).optional() })
        .optional(),
      ctaButton: textStyle.extend({ backgroundColor: z.string().optional() }).optional(),
      title: textStyle.optional(),
      headline: textStyle.optional(),
      body: textStyle.optional(),
    })
    .optional(),
});

/** The strict schema of {@link JourneyActionTemplateArgs} that check() applies. */
export const JourneyActionTemplateInputs = z
  .strictObject({
    name: nonBlank(),
    description: z.string().optional(),
    mediaType: ActionMediaType,
    state: z.enum(["Active", "Inactive"]).optional(),
    contentOffer: ContentOfferInput.optional(),
    adopt: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.mediaType === "contentOffer" && !t.contentOffer)
      ctx.addIssue({ code: "custom", path: ["contentOffer"], message: 'is required when mediaType is "contentOffer"' });
    if (t.mediaType !== "contentOffer" && t.contentOffer)
      ctx.addIssue({
        code: "custom",
        path: ["contentOffer"],
        message: `is only for mediaType "contentOffer", not "${t.mediaType}"`,
      });
  });
type In = z.infer<typeof JourneyActionTemplateInputs>;

/** Outputs: the template as the server holds it, plus what cxflow needs to manage it. */
interface Out extends Omit<ActionTemplate, "id"> {
  adopt?: boolean;
  /** True when this resource took over a template that already existed. */
  adopted: boolean;
}

/** Every input field and how it diffs. */
export const fields: Fields = {
  name: {},
  description: { canonical: (v: string) => (v === "" ? undefined : v) },
  // An action map's mediaType must match its template's: a new one is a new template.
  mediaType: { replaces: true },
  state: { default: "Active" },
  contentOffer: {},
  adopt: { createOnly: true },
};

// ---------------------------------------------------------------------------------------------
// Wire mapping

function createBody(i: In): ActionTemplateRequest {
  return {
    name: i.name,
    ...(i.description ? { description: i.description } : {}),
    mediaType: i.mediaType,
    state: i.state ?? "Active",
    ...(i.contentOffer ? { contentOffer: i.contentOffer } : {}),
  };
}

/** The PATCH of the `changed` fields (with the name, which the API requires). */
function patchBody(changed: string[], i: In, version: number): PatchActionTemplate {
  const body: PatchActionTemplate = { name: i.name, version };
  if (changed.includes("description")) body.description = i.description || null;
  if (changed.includes("state")) body.state = i.state ?? "Active";
  if (changed.includes("contentOffer") && i.contentOffer) body.contentOffer = i.contentOffer;
  return body;
}

/** A soft-deleted template (state `Deleted`) is gone for cxflow: it cannot be used or revived here. */
const live = (t: ActionTemplate) => t.state !== "Deleted";

const definition: ResourceDefinition<In, Out> = {
  kind: "genesys.JourneyActionTemplate",
  path: "/journey/actiontemplates",
  args: JourneyActionTemplateInputs,
  fields,
  export: {
    suffix: "ActionTemplate",
    plural: "action templates",
    async read({ clients, keep }) {
      const out = [];
      for await (const t of clients.genesys().actionTemplates({ pageSize: MAX_PAGE_SIZE })) {
        if (!live(t) || !keep(t.name)) continue;
        const args = {
          name: t.name,
          description: t.description,
          mediaType: t.mediaType,
          state: t.state,
          contentOffer: t.contentOffer,
          adopt: true,
        };
        out.push({ id: t.id, name: t.name, args });
      }
      return out;
    },
  },
  ...journeyLifecycle<ActionTemplate, In, Out>({
    what: "action template",
    property: "name",
    nameOf: (t) => (live(t) ? t.name : undefined),
    fields,
    list: () => genesys().actionTemplates({ pageSize: MAX_PAGE_SIZE }),
    get: (actionTemplateId) => genesys().call("getActionTemplate", { params: { actionTemplateId } }),
    post: (i) => genesys().call("createActionTemplate", { body: createBody(i) }),
    patch: (actionTemplateId, changed, i, version) =>
      genesys().call("patchActionTemplate", { params: { actionTemplateId }, body: patchBody(changed, i, version) }),
    // A hard delete frees the name; a soft delete would leave a `Deleted` template behind.
    remove: (actionTemplateId) =>
      genesys().call("deleteActionTemplate", { params: { actionTemplateId }, query: { hardDelete: true } }),
    usedAs: "action template",
    beforeAdopt(current, i) {
      // The one thing a PATCH cannot change: say so rather than take over a template of another kind.
      if (current.mediaType !== i.mediaType)
        throw new Error(
          `the action template "${i.name}" (${current.id}) has mediaType "${current.mediaType}", not "${i.mediaType}": declare that, or pick another name`,
        );
    },
  }),
  inputsOf(_outs, inputs) {
    if (inputs.description === "") delete inputs.description;
    return inputs;
  },
};

/** The definition the provider host runs (see `pulumi-cxflow/dynamic`). */
export const journeyActionTemplate = definition;

// ---------------------------------------------------------------------------------------------
// The resource

const provider = shell(definition.kind);

/**
 * A Genesys Cloud journey action template (`/api/v2/journey/actiontemplates`): a reusable action,
 * such as a content offer, that action maps show to visitors. Updates are PATCHes carrying the
 * version read just before; a new `mediaType` replaces the template; destroy deletes it for good
 * (`hardDelete=true`). Type token: `pulumi-nodejs:dynamic/cxflow/genesys:JourneyActionTemplate`.
 */
export class JourneyActionTemplate extends pulumi.dynamic.Resource {
  /** @internal */
  static readonly [DEFINITION] = definition;
  /** Name shown in Genesys Cloud, as the server holds it. */
  declare readonly name: pulumi.Output<string>;
  /** The server's description; absent when the template has none. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** What the action shows, e.g. `contentOffer`. */
  declare readonly mediaType: pulumi.Output<ActionMediaType>;
  /** `Active` or `Inactive`. */
  declare readonly state: pulumi.Output<ActionTemplate["state"]>;
  /** The content offer as the server holds it; absent for other media types. */
  declare readonly contentOffer: pulumi.Output<ActionTemplate["contentOffer"]>;
  /** Rises with every change. */
  declare readonly version: pulumi.Output<number>;
  /** The template's API path, `/api/v2/journey/actiontemplates/<id>`. */
  declare readonly selfUri: pulumi.Output<string>;
  /** When the template was created (ISO-8601 date-time, UTC), set by the server; never changes. */
  declare readonly createdDate: pulumi.Output<string>;
  /** When the template last changed (ISO-8601 date-time, UTC), set by the server on every change. */
  declare readonly modifiedDate: pulumi.Output<string>;
  /** True when this resource took over a template that already existed (`adopt`). */
  declare readonly adopted: pulumi.Output<boolean>;

  /**
   * Declares an action template in the stack; `pulumi up` creates it, or takes it over with `adopt`.
   * @param name The Pulumi resource name, unique in the stack (not the template's `name`).
   * @param args The template's settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: JourneyActionTemplateArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      state: undefined,
      version: undefined,
      selfUri: undefined,
      createdDate: undefined,
      modifiedDate: undefined,
      adopted: undefined,
    };
    super(provider, name, { ...outputs, ...args, [NAME_KEY]: name }, opts, "cxflow/genesys", "JourneyActionTemplate");
  }
}
