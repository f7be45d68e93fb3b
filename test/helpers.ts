/** Shared test helpers: load fixtures, run the CLI in process. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../src/cli/command.js";
import { main } from "../src/cli/main.js";
import { type CompiledScenario, compileScenario } from "../src/scenario/compile.js";
import { formatDiagnostic } from "../src/scenario/diagnostics.js";
import { loadScenario } from "../src/scenario/validate.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURES = join(ROOT, "test", "fixtures");

/** Load and compile a scenario from text, failing the test with the located errors if it is invalid. */
export function compileText(text: string, file = "test.yaml"): CompiledScenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
  return compileScenario(r.value);
}

/** Load and compile a fixture file from test/fixtures. */
export function compileFixture(name: string): CompiledScenario {
  return compileText(readFileSync(join(FIXTURES, name), "utf8"), name);
}

/** Load and compile a scenario file by path, failing the test with the located errors if it is invalid. */
export function compileFile(path: string): CompiledScenario {
  return compileText(readFileSync(path, "utf8"), path);
}

/** Run `guarantor ...args` in process; returns the exit code and what it printed. */
export async function runCli(
  args: string[],
  cwd = ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: false,
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A minimal valid scenario around a morphological field: one source, one actor, a two-point line. */
export function fieldScenario(
  dimensions: { id: string; options: { id: string }[] }[],
  rules: Record<string, unknown>[] = [],
  extra: Record<string, unknown> = {},
): CompiledScenario {
  return compileText(
    JSON.stringify({
      id: "generated",
      title: "generated",
      asOf: "2025-01-01",
      currency: { code: "USD", year: 2024 },
      sources: [{ id: "s", title: "s", date: "2025-01-01" }],
      theater: {
        protectedState: "A",
        territories: [{ id: "t", name: "t", include: [{ country: "804" }], source: "s" }],
        contactLine: {
          lengthKm: { value: 1, source: "s" },
          polyline: [
            { lat: 0, lon: 0 },
            { lat: 1, lon: 1 },
          ],
          source: "s",
        },
      },
      actors: [{ id: "A", name: "A" }],
      dimensions,
      rules,
      ...extra,
    }),
  );
}

/**
 * The limits of a solver shared by a whole test file. A solver's time limit is the budget of all its solves
 * together (one analysis, in the CLI); a test file sends hundreds of problems through one solver, and on a
 * loaded machine their total can pass the default 60 s, which would end a correct solve as "time-limit". The
 * limit's own behaviour is tested with solvers made for it (test/coalition/solve.test.ts).
 */
export const TEST_SOLVER_LIMITS = { timeLimitSeconds: 3_600 } as const;
