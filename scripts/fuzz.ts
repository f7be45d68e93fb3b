/**
 * A structure-aware fuzzer for the CLI. It mutates the flagship scenario, small test scenarios and generated
 * coalition problems (numbers of every magnitude, wrong types, deletions, duplications, wide dimensions and
 * linking rules, keys such as `__proto__` and `constructor`, odd Unicode; and in the text: deep nesting,
 * aliases, tags, line endings, truncation), runs `validate`, `schemes --count`, `analyze`, `consensus` and
 * `coalition` on each in worker processes with a time limit per command and a memory limit per worker, and
 * records every crash, hang, stack trace, unlocated error and NaN or Infinity printed, with a reproducer
 * (minimised by removing lines while the failure stays) under test/fixtures/fuzz/.
 *
 *   npm run fuzz -- --minutes 30 [--seed 1] [--jobs 1] [--out test/fixtures/fuzz]
 *   npm run fuzz -- --inputs 200 --no-save
 *
 * Seeded: the same seed gives the same inputs (the outcomes may differ only by what the time limits cut).
 */
import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYamlText, stringify } from "yaml";
import { mulberry32, type Random } from "../src/random/index.js";
import { generateCoalitionProblem } from "./coalition-problem.js";
import type { FuzzJob, FuzzOutcome } from "./fuzz-child.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CHILD = join(ROOT, "scripts", "fuzz-child.ts");

/** Time limits per command, in milliseconds: past them a command counts as a hang. */
export const TIME_LIMIT_MS = {
  // Reading YAML runs at about 300 kB/s on a loaded 2-core machine: a 4 MiB file takes some 15 s.
  validate: 60_000,
  schemes: 60_000,
  analyze: 120_000,
  consensus: 90_000,
  // HiGHS stops at 60 s (src/adapters/highs.ts); a problem of thousands of contributors may use all of it.
  coalition: 120_000,
};
/** Memory limit of a worker: its V8 heap, in MB (a worker over it crashes, which is recorded). */
export const HEAP_LIMIT_MB = 2048;

type Data = unknown;
type Path = (string | number)[];

/** One seed input: a scenario or a coalition problem, parsed. */
interface Seed {
  name: string;
  kind: "scenario" | "problem";
  data: Data;
  /** The flagship: analyzed only with most dimensions fixed, to keep a run within seconds. */
  large: boolean;
}

/** A failure found: what kind, the command, the input and what was seen. */
export interface FuzzFinding {
  kind: "crash" | "hang" | "stack-trace" | "unlocated" | "non-finite";
  args: string[];
  file: string;
  text: string;
  detail: string;
}

/** The figures of a fuzzing run. */
export interface FuzzReport {
  inputs: number;
  commands: number;
  byCommand: Record<string, number>;
  exitCodes: Record<string, number>;
  findings: FuzzFinding[];
  peakRssBytes: number;
  seconds: number;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const NUMBERS = [
  0,
  -1,
  -0.001,
  1,
  0.5,
  3.7,
  1e-9,
  1e-12,
  1e-320,
  5e-324,
  1e9,
  1e12,
  1e15,
  1e308,
  -1e308,
  2 ** 53 + 1,
  65_536,
  70_000,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];
const NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "",
  " ",
  "a b",
  "é",
  "\u202e",
  "\u200b",
  "😀",
  "x".repeat(300),
  "$ref",
  "<<",
  "include",
  "0",
  "-1",
  "null",
  "true",
];
const STRINGS = [...NAMES, "\u0000", "a\nb", "x".repeat(100_000), "../../etc/passwd", "$HOME", "`id`", "NaN"];
const VALUES: Data[] = ["x", "", true, false, null, [], {}, 42, [1, 2], { a: 1 }, [{ id: "x" }]];

/** Every path of the tree under `data` (objects and lists), with its value. */
function nodes(data: Data): [Path, Data][] {
  const out: [Path, Data][] = [];
  const stack: [Path, Data][] = [[[], data]];
  while (stack.length > 0) {
    const [path, v] = stack.pop()!;
    out.push([path, v]);
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) stack.push([[...path, i], x]);
    } else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) stack.push([[...path, k], x]);
  }
  return out;
}

function parentOf(data: Data, path: Path): Record<string | number, Data> | undefined {
  let v: Data = data;
  for (const k of path.slice(0, -1)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, Data>)[k];
  }
  return v !== null && typeof v === "object" ? (v as Record<string | number, Data>) : undefined;
}

/** Set an own property, even one named `__proto__`. */
function setOwn(o: Record<string | number, Data>, k: string | number, v: Data): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function setAt(data: Data, path: Path, v: Data): Data {
  if (path.length === 0) return v;
  const p = parentOf(data, path);
  if (p) setOwn(p, path.at(-1)!, v);
  return data;
}

function renameKey(o: Record<string, Data>, from: string, to: string): void {
  const entries = Object.entries(o);
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, v] of entries) setOwn(o, k === from ? to : k, v);
}

/** One structural mutation of `data` (mutated in place; the new root returned). */
function mutateData(r: Random, data: Data, seed: Seed, maxCopies: number): [Data, string] {
  const all = nodes(data);
  const [path] = pick(r, all);
  // Numbers most often: such inputs usually stay valid and reach the models.
  const op = r() < 0.35 ? 0 : int(r, 1, 9);
  const at = path.join(".");
  switch (op) {
    case 0: {
      const numeric = all.filter(([, v]) => typeof v === "number");
      const [p] = numeric.length > 0 ? pick(r, numeric) : [path];
      const n = pick(r, NUMBERS);
      return [setAt(data, p, n), `number ${p.join(".")} = ${n}`];
    }
    case 1: {
      const v = structuredClone(pick(r, VALUES));
      return [setAt(data, path, v), `type ${at} = ${JSON.stringify(v)}`];
    }
    case 2: {
      const p = parentOf(data, path);
      if (p && path.length > 0) {
        if (Array.isArray(p)) p.splice(Number(path.at(-1)), 1);
        else delete p[path.at(-1)!];
      }
      return [data, `delete ${at}`];
    }
    case 3: {
      const lists = all.filter(([, v]) => Array.isArray(v) && v.length > 0);
      if (lists.length === 0) return [data, "no list"];
      const [p, list] = pick(r, lists) as [Path, Data[]];
      const times = pick(
        r,
        [1, 2, 10, 200, 2000].filter((k) => k <= maxCopies),
      );
      const item = list[int(r, 0, list.length - 1)];
      for (let i = 0; i < times; i++) list.push(structuredClone(item));
      return [data, `duplicate an item of ${p.join(".")} ×${times}`];
    }
    case 4: {
      const maps = all.filter(
        ([, v]) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0,
      );
      if (maps.length === 0) return [data, "no map"];
      const [p, o] = pick(r, maps) as [Path, Record<string, Data>];
      const from = pick(r, Object.keys(o));
      const to = pick(r, NAMES);
      renameKey(o, from, to);
      return [data, `rename ${p.join(".")}.${from} → ${JSON.stringify(to)}`];
    }
    case 5: {
      const strings = all.filter(([, v]) => typeof v === "string");
      if (strings.length === 0) return [data, "no string"];
      const [p] = pick(r, strings);
      const s = pick(r, STRINGS);
      return [setAt(data, p, s), `string ${p.join(".")} = ${JSON.stringify(s.slice(0, 20))}`];
    }
    case 6: {
      // A wide dimension, or many contributors.
      const n = pick(
        r,
        [3, 100, 1000, 5000, 70_000].filter((k) => k <= maxCopies),
      );
      const o = data as Record<string, Data>;
      if (seed.kind === "scenario" && Array.isArray(o.dimensions)) {
        o.dimensions.push({ id: "fz", options: Array.from({ length: n }, (_, i) => ({ id: `o${i}` })) });
        return [data, `wide dimension of ${n} options`];
      }
      if (seed.kind === "problem" && Array.isArray(o.contributors) && o.contributors.length > 0) {
        const base = o.contributors[0] as Record<string, Data>;
        for (let i = 0; i < Math.min(n, 1000); i++)
          o.contributors.push({ ...structuredClone(base), id: `F${i}` });
        return [data, `${Math.min(n, 1000)} more contributors`];
      }
      return [data, "no wide"];
    }
    case 7: {
      // Rules linking many dimensions to the last one (a wide counting frontier).
      const o = data as Record<string, Data>;
      const dims = Array.isArray(o.dimensions) ? (o.dimensions as { id?: unknown; options?: unknown }[]) : [];
      const ok = dims.filter(
        (d) => typeof d.id === "string" && Array.isArray(d.options) && d.options.length > 0,
      );
      if (ok.length < 2 || !Array.isArray(o.rules)) return [data, "no rules"];
      const last = ok.at(-1)!;
      const lastOption = ((last.options as { id?: unknown }[])[0]?.id ?? "x") as string;
      for (const d of ok.slice(0, -1)) {
        const option = ((d.options as { id?: unknown }[])[0]?.id ?? "x") as string;
        o.rules.push({
          id: `fz-${String(d.id)}`,
          forbid: { [d.id as string]: option, [last.id as string]: lastOption },
          reason: "fuzz",
        });
      }
      return [data, `rules linking ${ok.length - 1} dimensions to ${String(last.id)}`];
    }
    case 8: {
      // An id collision.
      const ids = all.filter(([p, v]) => p.at(-1) === "id" && typeof v === "string");
      if (ids.length < 2) return [data, "no ids"];
      const [p] = pick(r, ids);
      const [, other] = pick(r, ids);
      return [setAt(data, p, other), `id ${p.join(".")} = ${String(other)}`];
    }
    default: {
      // Deep structure inside the data (kept within the serializer's reach).
      const depth = pick(r, [5, 50, 200]);
      let v: Data = 1;
      for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { all: [v] };
      return [setAt(data, path, v), `nested ${depth} at ${at}`];
    }
  }
}

/** One mutation of the text itself. */
function mutateText(r: Random, text: string): [string, string] {
  const lines = text.split("\n");
  const line = int(r, 0, Math.max(0, lines.length - 1));
  const op = int(r, 0, 8);
  switch (op) {
    case 0: {
      const n = pick(r, [99, 101, 1000, 3000, 20_000]);
      const flow = r() < 0.5;
      const deep = flow ? `${"[".repeat(n)}1${"]".repeat(n)}` : `${"{a: ".repeat(n)}1${"}".repeat(n)}`;
      lines[line] = lines[line]!.replace(/:\s.*$/, `: ${deep}`);
      return [lines.join("\n"), `flow nesting ${n} at line ${line + 1}`];
    }
    case 1: {
      const n = pick(r, [200, 2000]);
      const block = Array.from({ length: n }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n");
      return [`${text}\nzz:\n${block} 1\n`, `block nesting ${n}`];
    }
    case 2: {
      const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
      for (let i = 1; i < 9; i++)
        laughs.push(
          `${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(9)
            .fill(`*${"abcdefghi"[i - 1]}`)
            .join(", ")}]`,
        );
      return [`${laughs.join("\n")}\n${text}`, "billion laughs"];
    }
    case 3: {
      const tag = pick(r, [
        "!!js/function 'x'",
        "!custom 3",
        "!!binary aGk=",
        "!!set {a}",
        "!!timestamp 2001-12-14",
        "!!str 3",
      ]);
      lines[line] = lines[line]!.replace(/:\s(\S.*)$/, `: ${tag}`);
      return [lines.join("\n"), `tag ${tag} at line ${line + 1}`];
    }
    case 4: {
      const ending = pick(r, ["\r", "\r\n", "\n\r"]);
      return [
        (r() < 0.3 ? "\uFEFF" : "") + text.replace(/\n/g, ending),
        `line endings ${JSON.stringify(ending)}`,
      ];
    }
    case 5: {
      const cut = int(r, 0, text.length);
      return [text.slice(0, cut), `truncated at ${cut}`];
    }
    case 6: {
      const junk = pick(r, [
        "\t",
        "\u0000",
        "\uD800",
        "\uFFFD",
        ": :",
        "- -",
        "? ",
        "&",
        "*",
        "|",
        ">",
        "%YAML 1.1",
        "---",
        "...",
      ]);
      const at = int(r, 0, text.length);
      return [text.slice(0, at) + junk + text.slice(at), `inserted ${JSON.stringify(junk)} at ${at}`];
    }
    case 7: {
      lines.splice(line, 0, lines[line]!);
      return [lines.join("\n"), `duplicated line ${line + 1}`];
    }
    default: {
      const alias = `anchor${line}`;
      lines[line] = lines[line]!.replace(/:\s(\S.*)$/, `: &${alias} $1`);
      const other = int(r, 0, lines.length - 1);
      lines[other] = lines[other]!.replace(/:\s(\S.*)$/, `: *${alias}`);
      return [lines.join("\n"), `alias line ${other + 1} → line ${line + 1}`];
    }
  }
}

function serialize(r: Random, data: Data, kind: Seed["kind"]): string {
  const nonFinite = nodes(data).some(([, v]) => typeof v === "number" && !Number.isFinite(v));
  if (kind === "problem" && !nonFinite && r() < 0.7) return JSON.stringify(data, null, r() < 0.5 ? 2 : 0);
  return stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** A mutated input from `seed`: the file's text and what was done to it. */
export function mutate(
  r: Random,
  seed: Seed,
  maxCopies = Number.POSITIVE_INFINITY,
): { text: string; how: string[] } {
  let data = structuredClone(seed.data);
  const how: string[] = [];
  const n = int(r, 1, 2);
  for (let i = 0; i < n; i++) {
    let what: string;
    [data, what] = mutateData(r, data, seed, maxCopies);
    how.push(what);
  }
  let text = serialize(r, data, seed.kind);
  if (r() < 0.3) {
    let what: string;
    [text, what] = mutateText(r, text);
    how.push(what);
  }
  return { text, how };
}

// ---------------------------------------------------------------------------------------------------------
// Workers

class Worker {
  private child: ChildProcess | undefined;
  private stderrTail = "";
  peakRssBytes = 0;

  private async start(): Promise<ChildProcess> {
    const child = fork(CHILD, [], {
      cwd: ROOT,
      execArgv: ["--import", "tsx", `--max-old-space-size=${HEAP_LIMIT_MB}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr?.on("data", (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString()).slice(-4000);
    });
    await new Promise<void>((done, fail) => {
      child.once("message", () => done());
      child.once("exit", (code) =>
        fail(new Error(`fuzz worker exited (${code}) before it was ready: ${this.stderrTail}`)),
      );
    });
    this.child = child;
    return child;
  }

  /** Run one job: its outcome, or "hang" after `limitMs`, or "crash" when the worker dies. */
  async run(job: FuzzJob, limitMs: number): Promise<FuzzOutcome | { hang: true } | { crash: string }> {
    const child = this.child ?? (await this.start());
    this.stderrTail = "";
    return new Promise((done) => {
      const timer = setTimeout(() => {
        cleanup();
        this.stop();
        done({ hang: true });
      }, limitMs);
      const onMessage = (m: FuzzOutcome) => {
        if (m.id !== job.id) return;
        cleanup();
        this.peakRssBytes = Math.max(this.peakRssBytes, m.maxRssBytes);
        done(m);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.child = undefined;
        done({
          crash: `worker died (${signal ?? `exit ${code}`}): ${this.stderrTail.trim().split("\n").slice(-3).join(" | ")}`,
        });
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send(job);
    });
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Judging outcomes

const LOCATED = /^\S.*?:\d+:\d+ /;
const WHOLE_FILE =
  /\(whole file|^\S+ \(root\): (is a |is not|no such file|permission denied|cannot |not UTF-8|file too large)/;

/** The failure an outcome shows, if any. */
export function judge(
  outcome: FuzzOutcome | { hang: true } | { crash: string },
  input: string,
): { kind: FuzzFinding["kind"]; detail: string } | undefined {
  if ("hang" in outcome) return { kind: "hang", detail: "past the time limit" };
  if ("crash" in outcome) return { kind: "crash", detail: outcome.crash };
  if (outcome.internal !== undefined)
    return { kind: "stack-trace", detail: outcome.internal.split("\n").slice(0, 4).join(" | ") };
  if (/^\s+at .+:\d+:\d+\)?$/m.test(outcome.stderr) || outcome.code === 1)
    return { kind: "stack-trace", detail: outcome.stderr.slice(0, 600) };
  if (outcome.code !== 0 && outcome.code !== 2) return { kind: "crash", detail: `exit ${outcome.code}` };
  if (outcome.code === 2) {
    for (const line of outcome.stderr.split("\n")) {
      if (
        line === "" ||
        /^\d+ errors?$/.test(line) ||
        line.startsWith("guarantor ") ||
        line.startsWith("Run 'guarantor")
      )
        continue;
      if (!LOCATED.test(line) && !WHOLE_FILE.test(line))
        return { kind: "unlocated", detail: line.slice(0, 400) };
    }
  }
  if (outcome.code === 0 && /\b(NaN|-?Infinity)\b/.test(outcome.stdout) && !/\b(NaN|Infinity)\b/.test(input))
    return {
      kind: "non-finite",
      detail: outcome.stdout.match(/.{0,80}\b(NaN|-?Infinity)\b.{0,40}/)?.[0] ?? "",
    };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The run

function loadSeeds(which: "all" | "small"): Seed[] {
  const read = (p: string) => readFileSync(join(ROOT, p), "utf8");
  const yaml = (p: string, large = false): Seed => ({
    name: p,
    kind: "scenario",
    data: JSON.parse(JSON.stringify(parseYamlText(read(p)))),
    large,
  });
  const problems: Seed[] = [1, 2, 3].map((seed, i) => ({
    name: `coalition-problem-${seed}`,
    kind: "problem",
    data: generateCoalitionProblem({
      contributors: 6 + 4 * i,
      capabilities: 4,
      seed,
      objective: (["min-cost", "fewest", "fair"] as const)[i]!,
    }),
    large: false,
  }));
  return [
    ...(which === "all" ? [yaml("scenarios/ukraine-2025-08.yaml", true)] : []),
    yaml("test/fixtures/mini.yaml"),
    yaml("test/fixtures/models-ukraine.yaml"),
    yaml("test/fixtures/politics-article.yaml"),
    ...problems,
  ];
}

/** The `--where` that fixes most dimensions of a large scenario, from its (mutated) data, if it has them. */
function whereForLarge(data: Data): string | undefined {
  if (data === null || typeof data !== "object") return undefined;
  const dims = (data as { dimensions?: unknown }).dimensions;
  if (!Array.isArray(dims)) return undefined;
  const parts: string[] = [];
  for (const d of dims.slice(0, Math.max(0, dims.length - 5))) {
    const id = (d as { id?: unknown }).id;
    const first = ((d as { options?: unknown }).options as { id?: unknown }[] | undefined)?.[0]?.id;
    if (typeof id !== "string" || typeof first !== "string") return undefined;
    parts.push(`${id}=${first}`);
  }
  return parts.join(",");
}

/** Options of `runFuzz`. */
export interface FuzzOptions {
  /** Stop after this many inputs. */
  inputs?: number;
  /** Stop after this many seconds. */
  seconds?: number;
  seed?: number;
  /** Folder for reproducers; none written when undefined. */
  out?: string | undefined;
  /** Line removals tried per reproducer. */
  minimiseTries?: number;
  log?: (line: string) => void;
  /** `small`: the small scenarios and problems only (no flagship), for a short run in the test suite. */
  seeds?: "all" | "small";
  /** Most copies a duplication or a wide dimension adds (default: up to 70,000). */
  maxCopies?: number;
  /** One time limit for every command, in milliseconds, instead of TIME_LIMIT_MS. */
  timeLimitMs?: number;
}

/**
 * Fuzz the CLI: mutated inputs through validate, schemes --count, analyze/consensus and coalition.
 * @example const report = await runFuzz({ seconds: 20, seed: 1 }); report.findings.length // 0
 */
export async function runFuzz(options: FuzzOptions = {}): Promise<FuzzReport> {
  const seeds = loadSeeds(options.seeds ?? "all");
  const random = mulberry32(options.seed ?? 1);
  const worker = new Worker();
  const start = Date.now();
  const deadline = start + (options.seconds ?? Number.POSITIVE_INFINITY) * 1000;
  const maxInputs = options.inputs ?? Number.POSITIVE_INFINITY;
  const log = options.log ?? (() => {});
  const report: FuzzReport = {
    inputs: 0,
    commands: 0,
    byCommand: {},
    exitCodes: {},
    findings: [],
    peakRssBytes: 0,
    seconds: 0,
  };
  let jobId = 0;
  const runOne = async (args: string[], file: string, text: string) => {
    const command = args[0] as keyof typeof TIME_LIMIT_MS;
    const t0 = Date.now();
    const outcome = await worker.run(
      { id: jobId++, args, files: { [file]: text } },
      options.timeLimitMs ?? TIME_LIMIT_MS[command],
    );
    if (process.env.FUZZ_DEBUG) log(`${Date.now() - t0} ms guarantor ${args.join(" ")}`);
    return { outcome, failure: judge(outcome, text) };
  };
  try {
    while (report.inputs < maxInputs && Date.now() < deadline) {
      const seed = pick(random, seeds);
      const { text, how } = mutate(random, seed, options.maxCopies);
      report.inputs++;
      const file = seed.kind === "problem" ? "p.json" : "s.yaml";
      const plan: string[][] =
        seed.kind === "problem"
          ? [
              [
                "coalition",
                "--problem",
                file,
                "--json",
                ...(random() < 0.5 ? ["--objective", pick(random, ["min-cost", "fair", "fewest"])] : []),
              ],
            ]
          : [
              ["validate", file],
              ["schemes", file, "--count"],
            ];
      if (seed.kind === "scenario") {
        const where = seed.large ? whereForLarge(JSON.parse(JSON.stringify(parseOrNull(text)))) : undefined;
        if (!seed.large || where !== undefined)
          plan.push(
            random() < 0.7
              ? ["analyze", file, "--json", "--quiet", ...(where ? ["--where", where] : [])]
              : ["consensus", file, "--json", ...(where ? ["--where", where] : [])],
          );
      }
      for (const args of plan) {
        const { outcome, failure } = await runOne(args, file, text);
        report.commands++;
        report.byCommand[args[0]!] = (report.byCommand[args[0]!] ?? 0) + 1;
        const code = "code" in outcome ? String(outcome.code) : "hang" in outcome ? "hang" : "crash";
        report.exitCodes[code] = (report.exitCodes[code] ?? 0) + 1;
        if (failure) {
          log(
            `${failure.kind}: guarantor ${args.join(" ")} (${seed.name}: ${how.join("; ")}): ${failure.detail.slice(0, 300)}`,
          );
          const small = await minimise(
            text,
            (t) => runOne(args, file, t).then((x) => x.failure?.kind === failure.kind),
            failure.kind === "hang" ? 0 : (options.minimiseTries ?? 60),
          );
          const finding: FuzzFinding = {
            kind: failure.kind,
            args,
            file,
            text: small,
            detail: failure.detail,
          };
          report.findings.push(finding);
          if (options.out) saveFinding(options.out, finding, seed.name, how);
        }
        if (!("code" in outcome) || outcome.code !== 0) break;
      }
      if (report.inputs % 50 === 0)
        log(
          `${report.inputs} inputs, ${report.commands} commands, ${report.findings.length} findings, ${Math.round((Date.now() - start) / 1000)} s`,
        );
    }
  } finally {
    worker.stop();
  }
  report.peakRssBytes = worker.peakRssBytes;
  report.seconds = (Date.now() - start) / 1000;
  return report;
}

function parseOrNull(text: string): Data {
  try {
    return parseYamlText(text, { maxAliasCount: 100 });
  } catch {
    return null;
  }
}

/** Remove chunks of lines while `fails` holds (a few halving rounds, at most `tries` runs). */
async function minimise(
  text: string,
  fails: (t: string) => Promise<boolean>,
  tries: number,
): Promise<string> {
  let lines = text.split("\n");
  let chunk = Math.max(1, Math.floor(lines.length / 2));
  let left = tries;
  while (chunk >= 1 && left > 0) {
    let removed = false;
    for (let i = 0; i < lines.length && left > 0; i += chunk) {
      const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      left--;
      if (candidate.length > 0 && (await fails(candidate.join("\n")))) {
        lines = candidate;
        removed = true;
        i -= chunk;
      }
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return lines.join("\n");
}

function saveFinding(out: string, f: FuzzFinding, seed: string, how: string[]): void {
  mkdirSync(out, { recursive: true });
  const hash = createHash("sha256").update(f.text).digest("hex").slice(0, 10);
  const ext = f.file.endsWith(".json") ? "json" : "yaml";
  const name = `${f.kind}-${f.args[0]}-${hash}`;
  writeFileSync(join(out, `${name}.${ext}`), f.text);
  writeFileSync(
    join(out, `${name}.meta.json`),
    `${JSON.stringify({ args: f.args, file: `${name}.${ext}`, found: f.kind, detail: f.detail.slice(0, 1000), seed, mutations: how }, null, 2)}\n`,
  );
}

function formatReport(r: FuzzReport): string {
  const count = (k: FuzzFinding["kind"]) => r.findings.filter((f) => f.kind === k).length;
  return [
    `inputs tried        ${r.inputs}`,
    `commands run        ${r.commands} (${Object.entries(r.byCommand)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
    `exit codes          ${Object.entries(r.exitCodes)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ")}`,
    `crashes             ${count("crash")}`,
    `hangs past limit    ${count("hang")}`,
    `stack traces        ${count("stack-trace")}`,
    `unlocated errors    ${count("unlocated")}`,
    `NaN/Infinity shown  ${count("non-finite")}`,
    `peak worker memory  ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MB (limit ${HEAP_LIMIT_MB} MB of heap)`,
    `time                ${r.seconds.toFixed(0)} s`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string" },
      inputs: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      "no-save": { type: "boolean" },
    },
  });
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
  const report = await runFuzz({
    ...(minutes === undefined ? {} : { seconds: minutes * 60 }),
    ...(values.inputs === undefined ? {} : { inputs: Number(values.inputs) }),
    ...(minutes === undefined && values.inputs === undefined ? { seconds: 60 } : {}),
    seed: values.seed === undefined ? 1 : Number(values.seed),
    out: values["no-save"] ? undefined : (values.out ?? join(ROOT, "test", "fixtures", "fuzz")),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${formatReport(report)}\n`);
  process.exitCode = report.findings.length > 0 ? 1 : 0;
}
