// The baseline of `up300`: `count` dynamic resources (config, default 300) whose provider answers
// at once, so a `pulumi up` of this program costs only the engine, the language host and the
// dynamic-provider host. Nothing of cxflow is imported.
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `noop-${inputs.n}`, outs: inputs };
  },
  async diff() {
    return { changes: false };
  },
  async read(id, props) {
    return { id, props };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, n: number) {
    super(provider, name, { n }, undefined, "bench", "Noop");
  }
}

const count = Number(new pulumi.Config().get("count") ?? "300");
export const ids = Array.from({ length: count }, (_, n) => new Noop(`n${n}`, n).id);
