import { analyzeConsensus, compileStances, preferenceScore, stanceParties } from "../src/politics/index.js";
import { type CompiledScenario, compileScenario, evaluatePredicate } from "../src/scenario/compile.js";
import { formatDiagnostic } from "../src/scenario/diagnostics.js";
import { loadScenario } from "../src/scenario/validate.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../src/scenarios/index.js";
import { enumerateSchemes } from "../src/space/index.js";

const TOL = 1e-9;

interface NaiveScheme {
  scheme: number[];
  utilities: number[];
  accepts: boolean[];
  gaps: number[];
  margins: number[];
  violated: string[][];
}

/** One object per scheme, stance trees walked for each: what one would write first. */
function naiveAnalysis(c: CompiledScenario) {
  const parties = stanceParties(c);
  const all: NaiveScheme[] = [];
  for (const s of enumerateSchemes(c)) {
    const scheme = Array.from(s);
    const x: NaiveScheme = { scheme, utilities: [], accepts: [], gaps: [], margins: [], violated: [] };
    for (const p of parties) {
      let raw = 0;
      for (const pref of p.preferences) raw += pref.weight * preferenceScore(c, pref, scheme);
      const u = p.totalWeight > 0 ? raw / p.totalWeight : 1;
      const lines = p.redLines.filter((r) => evaluatePredicate(c, r.forbid, scheme));
      const short = p.reservation - u;
      const gap = (short > TOL ? short : 0) + lines.reduce((acc, r) => acc + r.cost, 0);
      const acc = lines.length === 0 && short <= TOL;
      x.utilities.push(u);
      x.accepts.push(acc);
      x.gaps.push(gap);
      x.margins.push(acc ? Math.max(0, -short) : -gap);
      x.violated.push(lines.map((r) => r.id));
    }
    all.push(x);
  }
  const zone = all.filter((x) => x.accepts.every(Boolean));
  const product = (x: NaiveScheme) =>
    x.utilities.reduce((acc, u, i) => acc * Math.max(0, u - parties[i]!.reservation), 1);
  const nash = zone.reduce<NaiveScheme | undefined>(
    (b, x) => (!b || product(x) > product(b) ? x : b),
    undefined,
  );
  const minMargin = (x: NaiveScheme) => Math.min(...x.margins);
  const maximin = all.reduce<NaiveScheme | undefined>(
    (b, x) => (!b || minMargin(x) > minMargin(b) ? x : b),
    undefined,
  );
  const distance = all.reduce((m, x) => Math.min(m, Math.max(...x.gaps)), Number.POSITIVE_INFINITY);
  const sets = new Map<string, { cost: number; x: NaiveScheme }>();
  for (const x of all) {
    const k = [
      ...x.violated.flatMap((ids, p) => ids.map((id) => `${parties[p]!.id}:${id}`)),
      ...x.utilities.flatMap((u, p) => (parties[p]!.reservation - u > TOL ? [`${parties[p]!.id}:res`] : [])),
    ].join("|");
    const cost = x.gaps.reduce((a, g) => a + g, 0);
    const prev = sets.get(k);
    if (!prev || cost < prev.cost) sets.set(k, { cost, x });
  }
  const cheapest = [...sets.values()].sort((a, b) => a.cost - b.cost)[0];
  const sorted = [...all].sort(
    (a, b) => b.utilities.reduce((s, u) => s + u, 0) - a.utilities.reduce((s, u) => s + u, 0),
  );
  const front: NaiveScheme[] = [];
  for (const x of sorted)
    if (
      !front.some(
        (f) =>
          f.utilities.every((u, i) => u >= x.utilities[i]!) &&
          f.utilities.some((u, i) => u > x.utilities[i]!),
      )
    )
      front.push(x);
  return { schemes: all.length, zone: zone.length, nash, maximin, distance, cheapest, front: front.length };
}

function loadDefault(log: (line: string) => void): CompiledScenario | undefined {
  const r = loadScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!r.ok) {
    log(`default scenario does not load (${r.errors.length} errors), politics bench skipped:`);
    for (const e of r.errors.slice(0, 5)) log(`  ${formatDiagnostic(e)}`);
    return undefined;
  }
  return compileScenario(r.value);
}

/** Run the benchmark and print figures and the ratio. */
export async function run(log: (line: string) => void): Promise<void> {
  const c = loadDefault(log);
  if (!c) return;
  const time = <T>(f: () => T): { ms: number; value: T } => {
    const t0 = performance.now();
    const value = f();
    return { ms: performance.now() - t0, value };
  };
  // Warm-up, then the measured runs (best of 3).
  const fastRuns = [0, 1, 2, 3].map(() =>
    time(() => analyzeConsensus(compileStances(c), enumerateSchemes(c), { top: 5, concessionSets: 5 })),
  );
  const fast = fastRuns.slice(1).reduce((b, x) => (x.ms < b.ms ? x : b));
  const naiveRuns = [0, 1].map(() => time(() => naiveAnalysis(c)));
  const naive = naiveRuns.slice(1).reduce((b, x) => (x.ms < b.ms ? x : b));
  const enumOnly = time(() => {
    let n = 0;
    for (const _ of enumerateSchemes(c)) n++;
    return n;
  });
  const a = fast.value;
  const nv = naive.value;
  const agree =
    a.schemes === nv.schemes &&
    a.zone.size === nv.zone &&
    a.pareto.schemes === nv.front &&
    Math.abs((a.distance?.value ?? 0) - nv.distance) < 1e-12 &&
    Math.abs((a.concessions.sets[0]?.cost ?? 0) - (nv.cheapest?.cost ?? 0)) < 1e-12 &&
    Math.abs((a.maximin?.minMargin ?? 0) - Math.min(...(nv.maximin?.margins ?? [0]))) < 1e-12;
  const perSec = (ms: number) => ((a.schemes / ms) * 1000).toFixed(0);
  log(`scenario ${c.scenario.id}: ${a.schemes} consistent schemes, ${a.parties.length} parties`);
  log(
    `zone ${a.zone.size}, Pareto points ${a.pareto.points.length} (${a.pareto.schemes} schemes), distance ${a.distance?.value.toFixed(3)}`,
  );
  log(`enumeration alone:             ${enumOnly.ms.toFixed(1)} ms`);
  log(`compiled tables (all answers): ${fast.ms.toFixed(1)} ms, ${perSec(fast.ms)} schemes/s`);
  log(`one object per scheme:         ${naive.ms.toFixed(1)} ms, ${perSec(naive.ms)} schemes/s`);
  log(`ratio: ${(naive.ms / fast.ms).toFixed(1)}× faster; answers agree: ${agree ? "yes" : "NO"}`);
}
