// What flow outcomes and flow milestones share: a name unique in the org, a description and a
// division, written whole with PUT. Each kind's resource file adds its class and its delete.
import { z } from "zod";
import { nonBlank } from "../dynamic/check";
import type { ResourceDefinition } from "../dynamic/define";
import type { Fields } from "../dynamic/fields";
import { type JourneyKind, journeyLifecycle } from "./journey-entities";

/** The inputs flow outcomes and milestones share. */
export const FlowLabelInputs = z.strictObject({
  name: nonBlank(),
  description: z.string().optional(),
  divisionId: nonBlank().optional(),
  adopt: z.boolean().optional(),
});
export type FlowLabelIn = z.infer<typeof FlowLabelInputs>;

/** A flow outcome or milestone as the API answers it. */
export interface FlowLabel {
  id: string;
  name: string;
  description?: string;
  division?: { id?: string; name?: string };
  selfUri?: string;
}

/** Outputs: the object as the server holds it, plus what cxflow needs to manage it. */
export interface FlowLabelOut {
  name: string;
  description?: string;
  divisionId?: string;
  divisionName?: string;
  selfUri?: string;
  adopt?: boolean;
  adopted: boolean;
}

/** Every input field and how it diffs. */
export const flowLabelFields: Fields = {
  name: {},
  description: { canonical: (v: string) => (v === "" ? undefined : v) },
  // Absent: the server puts it in the home division.
  divisionId: { serverChosen: true },
  adopt: { createOnly: true },
};

/** The body of a create or of a PUT (which replaces every field, so it always carries them all). */
export const flowLabelBody = (i: FlowLabelIn, current?: FlowLabel) => ({
  name: i.name,
  ...(i.description ? { description: i.description } : {}),
  ...((i.divisionId ?? current?.division?.id) ? { division: { id: (i.divisionId ?? current?.division?.id)! } } : {}),
});

function toOutputs(x: FlowLabel, local: { adopt?: boolean; adopted?: boolean }): FlowLabelOut {
  return {
    name: x.name,
    description: x.description || undefined,
    divisionId: x.division?.id,
    divisionName: x.division?.name,
    selfUri: x.selfUri,
    adopt: local.adopt,
    adopted: local.adopted ?? false,
  };
}

/** The lifecycle of a flow outcome or milestone kind (see `journeyLifecycle`: create once, adopt, batched reads). */
export function flowLabelLifecycle<T extends FlowLabel>(
  k: Omit<JourneyKind<T, FlowLabelIn, FlowLabelOut>, "property" | "nameOf" | "fields" | "toOutputs">,
): Pick<
  ResourceDefinition<FlowLabelIn, FlowLabelOut>,
  "create" | "adopt" | "read" | "update" | "delete" | "named" | "reads"
> {
  return journeyLifecycle<T, FlowLabelIn, FlowLabelOut>({
    ...k,
    property: "name",
    nameOf: (x) => x.name,
    fields: flowLabelFields,
    toOutputs,
  });
}

/** Turns refreshed outputs back into inputs: an absent description stays absent. */
export function flowLabelInputsOf(_outs: FlowLabelOut, inputs: Record<string, any>) {
  if (inputs.description === "") delete inputs.description;
  return inputs;
}
