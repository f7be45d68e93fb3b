/**
 * Generated standalone coalition problems for benchmarks and limit tests: `contributors` nations offering
 * `capabilities` capabilities, seeded. Each contributor offers about 60% of the capabilities (0 to 40 units
 * each), at unit costs that differ by contributor (1 to 10), with a fixed cost of joining (0 to 50) and a GDP
 * (1 to 1,000); about 10% set a `requires` condition on another contributor, 10% a `maxShare` of 0.5 and 5% a
 * `never`. Each requirement is a quarter of what the contributors offer of it, so the problem is feasible
 * without gaps and no single contributor covers a requirement alone.
 *
 *   npx tsx scripts/coalition-problem.ts --contributors 200 [--capabilities 8] [--seed 1] [--objective fair] > p.json
 */
import { pathToFileURL } from "node:url";
import type { CoalitionObjective, CoalitionProblem } from "../src/coalition/index.js";
import { mulberry32 } from "../src/random/index.js";

export interface GeneratedProblemOptions {
  contributors: number;
  capabilities?: number;
  seed?: number;
  objective?: CoalitionObjective;
}

export function generateCoalitionProblem(options: GeneratedProblemOptions): CoalitionProblem {
  const n = options.contributors;
  const nK = options.capabilities ?? 8;
  const random = mulberry32(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const caps = Array.from({ length: nK }, (_, k) => `cap${k + 1}`);
  const ids = Array.from({ length: n }, (_, i) => `N${String(i + 1).padStart(4, "0")}`);
  const offered = caps.map(() => 0);
  const contributors: CoalitionProblem["contributors"] = ids.map((id, i) => {
    const capacity: Record<string, number> = {};
    const unitCost: Record<string, number> = {};
    caps.forEach((k, j) => {
      const units = random() < 0.6 ? int(0, 40) : 0;
      capacity[k] = units;
      unitCost[k] = int(1, 10);
      offered[j]! += units;
    });
    const conditions: CoalitionProblem["contributors"][number]["conditions"] = [];
    if (random() < 0.1)
      conditions.push({
        kind: "requires",
        actor: ids[(i + int(1, n - 1)) % n]!,
        capability: caps[int(0, nK - 1)]!,
        min: int(1, 3),
      });
    if (random() < 0.1) conditions.push({ kind: "maxShare", capability: caps[int(0, nK - 1)]!, share: 0.5 });
    if (random() < 0.05) conditions.push({ kind: "never", capability: caps[int(0, nK - 1)]! });
    return { id, capacity, unitCost, fixedCost: int(0, 50), gdp: int(1, 1000), conditions };
  });
  const requirements = Object.fromEntries(caps.map((k, j) => [k, Math.max(1, Math.floor(offered[j]! / 4))]));
  return { requirements, contributors, objective: options.objective ?? "min-cost", costUnit: "generated" };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const v = flag(name);
    if (v === undefined) return fallback;
    const x = Number(v);
    if (!Number.isInteger(x) || x < 1)
      throw new Error(`--${name}: expected a positive whole number, got "${v}"`);
    return x;
  };
  const objective = (flag("objective") ?? "min-cost") as CoalitionObjective;
  process.stdout.write(
    `${JSON.stringify(
      generateCoalitionProblem({
        contributors: number("contributors", 50),
        capabilities: number("capabilities", 8),
        seed: number("seed", 1),
        objective,
      }),
    )}\n`,
  );
}
