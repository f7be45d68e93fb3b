import { schemeToObject } from "../../scenario/compile.js";
import { countSchemes, enumerateSchemes } from "../../space/index.js";
import { type Command, jsonOut, numberFlag, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { whereArg } from "../scheme-arg.js";

export const schemesCommand: Command = {
  name: "schemes",
  help: `Usage: guarantor schemes [file] (--count | --list [--limit N]) [--where dim=option,...] [--json]

The scheme space is every choice of one option per dimension; consistent schemes break no rule.
  --count            count raw and consistent schemes exactly (no enumeration), and how much each rule prunes
  --list             list consistent schemes, lazily, in lexicographic order
  --limit N          with --list, at most N schemes (default 20; 0 for all)
  --where d=o,...    fix some dimensions to the given options
  --json             machine-readable output; counts are decimal strings
With no file, uses the embedded default scenario.`,
  options: {
    count: { type: "boolean" },
    list: { type: "boolean" },
    limit: { type: "string" },
    where: { type: "string" },
    json: { type: "boolean" },
  },
  maxPositionals: 1,
  async run(ctx) {
    const { values, positionals, io } = ctx;
    if (Boolean(values.count) === Boolean(values.list))
      throw new UsageError("give exactly one of --count or --list");
    const limit = numberFlag(ctx, "limit", { min: 0, max: 1e9, integer: true }) ?? 20;
    if (values.limit !== undefined && !values.list) throw new UsageError("--limit goes with --list");
    const c = await loadScenarioFile(positionals[0], io.cwd);
    const where = stringFlag(ctx, "where");
    const filter = whereArg(c, where);
    if (values.count) {
      const n = countSchemes(c, filter);
      if (values.json) {
        io.stdout(
          jsonOut({
            raw: n.raw.toString(),
            consistent: n.consistent.toString(),
            rules: n.rules.map((r) => ({ ...r, alone: r.alone.toString(), only: r.only.toString() })),
          }),
        );
      } else {
        const width = Math.max(...n.rules.map((r) => r.rule.length), 4);
        io.stdout(
          `${c.file}${where ? ` where ${where}` : ""}\n` +
            `raw schemes        ${n.raw.toLocaleString("en-US")}\n` +
            `consistent schemes ${n.consistent.toLocaleString("en-US")} (${percent(n.consistent, n.raw)} of raw)\n\n` +
            `${"rule".padEnd(width)}  ${"excludes alone".padStart(16)}  ${"only this rule".padStart(16)}  reason\n` +
            n.rules
              .map(
                (r) =>
                  `${r.rule.padEnd(width)}  ${r.alone.toLocaleString("en-US").padStart(16)}  ${r.only.toLocaleString("en-US").padStart(16)}  ${r.reason}`,
              )
              .join("\n") +
            "\n",
        );
      }
      return 0;
    }
    const out: Record<string, string>[] = [];
    for (const s of enumerateSchemes(c, { filter })) {
      if (limit > 0 && out.length >= limit) break;
      out.push(schemeToObject(c, s));
    }
    if (values.json) io.stdout(jsonOut(out));
    else
      io.stdout(
        out
          .map(
            (s, i) =>
              `${String(i + 1).padStart(4)}  ${Object.entries(s)
                .map(([d, o]) => `${d}=${o}`)
                .join(",")}`,
          )
          .join("\n") + (out.length ? "\n" : "no consistent scheme\n"),
      );
    return 0;
  },
};

function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0%";
  return `${(Number((part * 1_000_000n) / whole) / 10_000).toFixed(2)}%`;
}
