/**
 * `guarantor runs list|show|diff`: the runs kept by `guarantor serve`, read from the same SQLite file.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_DB_FILE } from "../../store/defaults.js";
import type { RunRecord, RunWithResult, Store } from "../../store/index.js";

/** The store, loaded when a runs command runs (SQLite is not loaded at the CLI's start-up). */
type StoreModule = typeof import("../../store/index.js");
let storeModule: StoreModule | undefined;

import { type Command, type CommandContext, jsonOut, stringFlag, UsageError } from "../command.js";

const HELP = `Usage: guarantor runs list [--scenario REF] [--db FILE] [--json]
       guarantor runs show ID [--md | --json] [--db FILE]
       guarantor runs diff ID1 ID2 [--json] [--db FILE]

Reads the runs that 'guarantor serve' kept in its SQLite file (default ./${DEFAULT_DB_FILE}).
  list        every run, newest first: id, scenario and version, status, options, when it ended
  show ID     a run's status and options, then its report (Markdown); --json prints its result as JSON
  diff A B    which answers changed between two finished runs, and how (every value that differs)
Options:
  --db FILE        the SQLite file (default ./${DEFAULT_DB_FILE})
  --scenario REF   list only the runs of one scenario (hash, or name: its latest version)
  --md             show: only the Markdown report
  --json           machine-readable output
Exit codes: 0 success, 2 unknown run, bad flags or no database.`;

function openExisting(ctx: CommandContext, m: StoreModule): Store {
  const file = resolve(ctx.io.cwd, stringFlag(ctx, "db") ?? DEFAULT_DB_FILE);
  // Reading never creates a database: a wrong path is an error, not an empty store.
  if (!existsSync(file)) throw new UsageError(`--db: no database ${file} (guarantor serve creates it)`);
  return m.openStore(file);
}

function describeOptions(o: Record<string, unknown>): string {
  const parts = [String(o.objective ?? "min-cost")];
  if (o.where) parts.push(`where ${o.where}`);
  if (Array.isArray(o.set) && o.set.length) parts.push(`set ${o.set.join(" ")}`);
  if (o.samples) parts.push(`samples ${o.samples} seed ${o.seed}`);
  return parts.join(", ");
}

function scenarioLabel(store: Store, hash: string): string {
  const s = store.scenario(hash);
  return s ? `${s.name} v${s.version}` : hash.slice(0, 12);
}

function loadRun(store: Store, id: string): RunWithResult {
  let r: RunWithResult | undefined;
  try {
    r = store.runWithResult(id);
  } catch (e) {
    if (storeModule && e instanceof storeModule.CorruptRunError) throw new UsageError(e.message);
    throw e;
  }
  if (!r) throw new UsageError(`no run "${id}" (guarantor runs list shows them)`);
  return r;
}

function finishedResult(r: RunWithResult): Record<string, unknown> {
  if (r.status !== "done" || r.result === null) throw new UsageError(`run ${r.id} ${r.status}: ${r.error}`);
  return JSON.parse(r.result) as Record<string, unknown>;
}

const line = (store: Store, r: RunRecord) =>
  `${r.id}  ${scenarioLabel(store, r.scenario).padEnd(24)} ${r.status.padEnd(9)} ${r.finishedAt}  ${describeOptions(r.options)}${r.error && r.status !== "done" ? `  (${r.error})` : ""}`;

export const runsCommand: Command = {
  name: "runs",
  help: HELP,
  options: {
    db: { type: "string" },
    scenario: { type: "string" },
    md: { type: "boolean" },
    json: { type: "boolean" },
  },
  maxPositionals: 3,
  async run(ctx) {
    const [sub, ...ids] = ctx.positionals;
    const want = { list: 0, show: 1, diff: 2 }[sub as "list" | "show" | "diff"];
    if (want === undefined)
      throw new UsageError(`expected list, show or diff, got ${sub ? `"${sub}"` : "nothing"}`);
    if (ids.length !== want)
      throw new UsageError(
        `runs ${sub} takes ${want === 0 ? "no run id" : want === 1 ? "one run id" : "two run ids"}`,
      );
    storeModule ??= await import("../../store/index.js");
    const store = openExisting(ctx, storeModule);
    try {
      if (sub === "list") {
        const ref = stringFlag(ctx, "scenario");
        const scenario = ref === undefined ? undefined : store.scenario(ref);
        if (ref !== undefined && !scenario) throw new UsageError(`--scenario: no scenario "${ref}"`);
        const runs = store.runs(scenario?.id);
        if (ctx.values.json) ctx.io.stdout(jsonOut(runs));
        else
          ctx.io.stdout(
            runs.length === 0
              ? "no runs\n"
              : `${runs.map((r) => line(store, r)).join("\n")}\n${runs.length} runs\n`,
          );
        return 0;
      }
      if (sub === "show") {
        const r = loadRun(store, ids[0]!);
        if (ctx.values.json) {
          ctx.io.stdout(jsonOut(finishedResult(r)));
          return 0;
        }
        const head = `${line(store, r)}\n${r.durationMs} ms, Guarantor ${r.toolVersion}\n\n`;
        if (ctx.values.md) {
          finishedResult(r);
          ctx.io.stdout(r.markdown!);
        } else ctx.io.stdout(head + (r.markdown ?? ""));
        return 0;
      }
      const [a, b] = [loadRun(store, ids[0]!), loadRun(store, ids[1]!)];
      const d = storeModule.diffRuns(
        { id: a.id, options: a.options, result: finishedResult(a) },
        { id: b.id, options: b.options, result: finishedResult(b) },
      );
      if (ctx.values.json) {
        ctx.io.stdout(jsonOut(d));
        return 0;
      }
      const show = (v: unknown) => (v === undefined ? "(none)" : JSON.stringify(v));
      const out = [`${a.id} (${describeOptions(a.options)}) → ${b.id} (${describeOptions(b.options)})`];
      for (const c of d.options) out.push(`option ${c.path}: ${show(c.a)} → ${show(c.b)}`);
      for (const c of d.focus) out.push(`focus scheme ${c.path}: ${show(c.a)} → ${show(c.b)}`);
      out.push(d.changed.length ? `changed: ${d.changed.join(", ")}` : "no answer changed");
      for (const p of d.parts.filter((x) => x.changed)) {
        out.push(`\n${p.part}:`);
        for (const c of p.changes) out.push(`  ${c.path}: ${show(c.a)} → ${show(c.b)}`);
        if (p.more) out.push(`  … and ${p.more} more`);
      }
      ctx.io.stdout(`${out.join("\n")}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
