// Each resource's hand-written `Args` interface (the users' documentation) and the strict schema
// check() applies must describe the same inputs: these assertions fail to compile when they drift.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ActionTargetArgs, ActionTargetInputs } from "../../provider/genesys/action-target";
import type { JourneySegmentArgs, JourneySegmentInputs } from "../../provider/genesys/journey-segment";
import type { FlowArgs as OurVoiceArgs, FlowInputs as OurVoiceInputs } from "../../provider/ourvoice/flow";
import type { FlowArgs as ZoomArgs, FlowInputs as ZoomInputs } from "../../provider/zoom/flow";

/** `true` only when A and B accept exactly the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
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
  journeySegment: Same<Plain<JourneySegmentArgs>, z.input<typeof JourneySegmentInputs>>;
  actionTarget: Same<Plain<ActionTargetArgs>, z.input<typeof ActionTargetInputs>>;
  ourvoiceFlow: Same<Plain<OurVoiceArgs>, z.input<typeof OurVoiceInputs>>;
  zoomFlow: Same<Plain<ZoomArgs>, z.input<typeof ZoomInputs>>;
} = {
  journeySegment: true,
  actionTarget: true,
  ourvoiceFlow: true,
  zoomFlow: true,
};

test("every resource's Args interface equals its input schema (checked when this file compiles)", () => {
  expect(Object.values(checks).every(Boolean)).toBe(true);
});
