// The typed clients (got, ESM-only) used from a Pulumi program and from a dynamic provider.
import * as pulumi from "@pulumi/pulumi";
import { ourvoice } from "pulumi-cxflow";

const apiBase = `${new pulumi.Config("cxflow").require("sandboxUrl")}/ourvoice/v1`;

// Program side: list every flow.
async function countFlows(): Promise<number> {
  let n = 0;
  for await (const _ of ourvoice.ourvoiceClient({ apiBase, apiKey: "sandbox-key" }).flows()) n++;
  return n;
}

// Provider side: the methods load the package by name at run time and capture nothing else.
interface Inputs {
  apiBase: string;
  name: string;
}
const provider: pulumi.dynamic.ResourceProvider<Inputs, Inputs & { flowId: string }> = {
  async create(inputs) {
    const { ourvoice } = require("pulumi-cxflow") as typeof import("pulumi-cxflow");
    const flow = await ourvoice.ourvoiceClient({ apiBase: inputs.apiBase, apiKey: "sandbox-key" }).createFlow({
      name: inputs.name,
      type: "voice",
    });
    return { id: flow.id, outs: { ...inputs, flowId: flow.id } };
  },
  async read(id, props) {
    return { id, props };
  },
  async diff() {
    return { changes: false };
  },
  async update(_id, olds) {
    return { outs: olds };
  },
  async delete(id, props) {
    const { ourvoice } = require("pulumi-cxflow") as typeof import("pulumi-cxflow");
    await ourvoice.ourvoiceClient({ apiBase: props.apiBase, apiKey: "sandbox-key" }).deleteFlow(id);
  },
};

class ProbeFlow extends pulumi.dynamic.Resource {
  declare public readonly flowId: pulumi.Output<string>;
  constructor(name: string, args: Inputs) {
    super(provider, name, { ...args, flowId: undefined }, undefined, "test", "ProbeFlow");
  }
}

const probe = new ProbeFlow("probe", { apiBase, name: "created-by-provider" });
export const programFlowCount = countFlows();
export const providerFlowId = probe.flowId;
