// Each resource's hand-written `Args` interface (the users' documentation) and the strict schema
// check() applies must describe the same inputs: these assertions fail to compile when they drift.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ActionTargetArgs, ActionTargetInputs } from "../../provider/genesys/action-target";
import type { JourneySegmentArgs, JourneySegmentInputs } from "../../provider/genesys/journey-segment";
import type { FlowArgs as OurVoiceArgs, FlowInputs as OurVoiceInputs } from "../../provider/ourvoice/flow";
import type { FlowArgs as ZoomArgs, FlowInputs as ZoomInputs } from "../../provider/zoom/flow";

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

const checks: {
  journeySegment: Same<Flat<Plain<JourneySegmentArgs>>, Flat<z.input<typeof JourneySegmentInputs>>>;
  actionTarget: Same<Flat<Plain<ActionTargetArgs>>, Flat<z.input<typeof ActionTargetInputs>>>;
  ourvoiceFlow: Same<Flat<Plain<OurVoiceArgs>>, Flat<z.input<typeof OurVoiceInputs>>>;
  zoomFlow: Same<Flat<Plain<ZoomArgs>>, Flat<z.input<typeof ZoomInputs>>>;
} = {
  journeySegment: true,
  actionTarget: true,
  ourvoiceFlow: true,
  zoomFlow: true,
};

test("every resource's Args interface equals its input schema (checked when this file compiles)", () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});
