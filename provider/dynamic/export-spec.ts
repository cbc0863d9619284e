// What a resource kind tells `cxflow export` (provider/cli/export.ts): how to read its objects as
// declarations. The command does the rest for every kind alike: filter, schema check, duplicate
// names, references between objects, secret fields, resume.
import type { Clients } from "../clients";

/** One object read for the export, as the kind's reader returns it. */
export interface ExportedObject {
  /** The object's id at its vendor. */
  id: string;
  /** The object's name at its vendor (what `--filter` matches and the resource is named after). */
  name: string;
  /** The resource's arguments; `undefined`, `null` and `""` members are dropped. */
  args: Record<string, unknown>;
  /** Set when the object cannot be declared as it is (written commented out, with this reason). */
  skipped?: string;
  /** A file the arguments point at, written under the project: JSON (a Zoom flow's export) or text as it is (an Architect flow's YAML). */
  file?: { name: string; content: Record<string, unknown> | string };
}

/** What a reader gets: the clients, the filter, and a place to keep work an interrupted export resumes. */
export interface ExportContext {
  clients: Clients;
  /** Whether an object of this name is wanted (`--filter`). */
  keep(name: string): boolean;
  /** An object already read in full by an interrupted run, by id. */
  done(id: string): ExportedObject | undefined;
  /** Records an object read in full, so a resumed export does not read it again. */
  save(o: ExportedObject): void;
  /** A progress line for slow readers (one request per object). */
  progress(label: string, total: number): { tick(): void };
  /** Names already given to files under the project (readers make theirs unique). */
  files: Set<string>;
}

/** How `cxflow export` declares a kind's objects. */
export interface ExportSpec {
  /** Suffix of the program's variables, e.g. `Segment` → `vipVisitorsSegment`. */
  suffix: string;
  /** The kind in the summary line, plural, e.g. `segments`. */
  plural: string;
  /** Every object of the kind that `keep` accepts, with `adopt: true` where the kind has it. */
  read(ctx: ExportContext): Promise<ExportedObject[]>;
}
