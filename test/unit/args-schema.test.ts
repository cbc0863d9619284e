// Each resource's hand-written `Args` interface (the users' documentation) and the strict schema
// check() applies must describe the same inputs, and its class must declare the outputs its
// provider stores: these assertions fail to compile when they drift.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { DEFINITION, ResourceDefinition } from "../../provider/dynamic/define";
import type { ActionTarget, ActionTargetArgs, ActionTargetInputs } from "../../provider/genesys/action-target";
import type { ArchitectFlow, ArchitectFlowArgs, ArchitectFlowInputs } from "../../provider/genesys/architect-flow";
import type { FlowMilestone, FlowMilestoneArgs, FlowMilestoneInputs } from "../../provider/genesys/flow-milestone";
import type { FlowOutcome, FlowOutcomeArgs, FlowOutcomeInputs } from "../../provider/genesys/flow-outcome";
import type {
  JourneyActionMap,
  JourneyActionMapArgs,
  JourneyActionMapInputs,
} from "../../provider/genesys/journey-action-map";
import type {
  JourneyActionTemplate,
  JourneyActionTemplateArgs,
  JourneyActionTemplateInputs,
} from "../../provider/genesys/journey-action-template";
import type { JourneyOutcome, JourneyOutcomeArgs, JourneyOutcomeInputs } from "../../provider/genesys/journey-outcome";
import type { JourneySegment, JourneySegmentArgs, JourneySegmentInputs } from "../../provider/genesys/journey-segment";
import type {
  FlowArgs as OurVoiceArgs,
  Flow as OurVoiceFlow,
  FlowInputs as OurVoiceInputs,
} from "../../provider/ourvoice/flow";
import type { FlowArgs as ZoomArgs, Flow as ZoomFlow, FlowInputs as ZoomInputs } from "../../provider/zoom/flow";

/** `true` only when A and B are the same type: same properties, same optionality, same values. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Objects flattened to one literal type, so two spellings of one shape compare equal. */
type Flat<T> = T extends (infer E)[] ? Flat<E>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;
/** What a program may pass, once every `pulumi.Input` is resolved (`unknown` stays `unknown`). */
type Plain<T> = unknown extends T
  ? T
  : T extends pulumi.OutputInstance<infer U> | Promise<infer U>
    ? Plain<U>
    : T extends readonly (infer E)[]
      ? Plain<E>[]
      : T extends object
        ? { [K in keyof T]: Plain<T[K]> }
        : T;

/** A resource class's outputs, as users see them: its `pulumi.Output` properties. */
type Declared<C extends abstract new (...a: any) => any> = {
  [K in keyof InstanceType<C> as InstanceType<C>[K] extends pulumi.Output<any> ? K : never]: true;
};
/** What the provider keeps in state for a class: its definition's outputs. */
type Stored<C> = C extends { readonly [DEFINITION]: ResourceDefinition<any, infer O, any> } ? O : never;
/**
 * `true` when every output the provider stores is declared on the class or is an input echoed
 * back (e.g. `adopt`), and the class declares nothing the provider does not store.
 */
type OutputsMatch<C extends abstract new (...a: any) => any, Args> = [
  Exclude<keyof Stored<C>, keyof Declared<C> | keyof Args>,
  Exclude<keyof Declared<C>, keyof Stored<C> | "id" | "urn">,
] extends [never, never]
  ? true
  : false;

const outputs: {
  journeySegment: OutputsMatch<typeof JourneySegment, JourneySegmentArgs>;
  journeyOutcome: OutputsMatch<typeof JourneyOutcome, JourneyOutcomeArgs>;
  journeyActionTemplate: OutputsMatch<typeof JourneyActionTemplate, JourneyActionTemplateArgs>;
  journeyActionMap: OutputsMatch<typeof JourneyActionMap, JourneyActionMapArgs>;
  actionTarget: OutputsMatch<typeof ActionTarget, ActionTargetArgs>;
  ourvoiceFlow: OutputsMatch<typeof OurVoiceFlow, OurVoiceArgs>;
  zoomFlow: OutputsMatch<typeof ZoomFlow, ZoomArgs>;
  architectFlow: OutputsMatch<typeof ArchitectFlow, ArchitectFlowArgs>;
  flowOutcome: OutputsMatch<typeof FlowOutcome, FlowOutcomeArgs>;
  flowMilestone: OutputsMatch<typeof FlowMilestone, FlowMilestoneArgs>;
} = {
  journeySegment: true,
  journeyOutcome: true,
  journeyActionTemplate: true,
  journeyActionMap: true,
  actionTarget: true,
  ourvoiceFlow: true,
  zoomFlow: true,
  architectFlow: true,
  flowOutcome: true,
  flowMilestone: true,
};

const checks: {
  journeySegment: Same<Flat<Plain<JourneySegmentArgs>>, Flat<z.input<typeof JourneySegmentInputs>>>;
  journeyOutcome: Same<Flat<Plain<JourneyOutcomeArgs>>, Flat<z.input<typeof JourneyOutcomeInputs>>>;
  journeyActionMap: Same<Flat<Plain<JourneyActionMapArgs>>, Flat<z.input<typeof JourneyActionMapInputs>>>;
  journeyActionTemplate: Same<
    Flat<Plain<JourneyActionTemplateArgs>>,
    Flat<z.input<typeof JourneyActionTemplateInputs>>
  >;
  actionTarget: Same<Flat<Plain<ActionTargetArgs>>, Flat<z.input<typeof ActionTargetInputs>>>;
  ourvoiceFlow: Same<Flat<Plain<OurVoiceArgs>>, Flat<z.input<typeof OurVoiceInputs>>>;
  zoomFlow: Same<Flat<Plain<ZoomArgs>>, Flat<z.input<typeof ZoomInputs>>>;
  architectFlow: Same<Flat<Plain<ArchitectFlowArgs>>, Flat<z.input<typeof ArchitectFlowInputs>>>;
  flowOutcome: Same<Flat<Plain<FlowOutcomeArgs>>, Flat<z.input<typeof FlowOutcomeInputs>>>;
  flowMilestone: Same<Flat<Plain<FlowMilestoneArgs>>, Flat<z.input<typeof FlowMilestoneInputs>>>;
} = {
  journeySegment: true,
  journeyOutcome: true,
  journeyActionTemplate: true,
  journeyActionMap: true,
  actionTarget: true,
  ourvoiceFlow: true,
  zoomFlow: true,
  architectFlow: true,
  flowOutcome: true,
  flowMilestone: true,
};

test("every resource's Args interface equals its input schema (checked when this file compiles)", () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});

test("every resource class declares exactly the outputs its provider stores (checked when this file compiles)", () => {
  expect(Object.values(outputs).every(Boolean)).toBe(true);
});
