// TypeDoc names entry modules after their folders; readers import them by package specifier.
import { Converter } from "typedoc";

const names = { provider: "pulumi-cxflow", sandbox: "pulumi-cxflow/sandbox" };

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.children ?? []) mod.name = names[mod.name] ?? mod.name;
  });
}
