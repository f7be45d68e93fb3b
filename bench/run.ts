/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose names contain the arguments) in turn.
 * Each exports `run(log, options)`, measures its own baseline in the same run and prints figures and ratios.
 * Arguments of the form `--name value` are passed to the benches as options (`--against <git ref>`).
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const options = new Map<string, string>();
const filters: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a.startsWith("--")) options.set(a.slice(2), args[++i] ?? "");
  else filters.push(a);
}
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as {
    run(log: (line: string) => void, options: ReadonlyMap<string, string>): Promise<void>;
  };
  console.log(`\n## ${f.replace(/\.bench\.ts$/, "")}`);
  await mod.run((line) => console.log(line), options);
}
