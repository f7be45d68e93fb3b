/**
 * Scenarios on the request path: an upload validated with the CLI's located errors, stored by the hash of its
 * canonical text; a stored scenario loaded (validated once, then kept in a small cache by hash) and settled
 * with a request's `set`, its `where` checked and its scheme space counted against the server's limit.
 */
import type { CommandContext } from "../cli/command.js";
import { UsageError } from "../cli/command.js";
import { whereArg } from "../cli/scheme-arg.js";
import { settled } from "../cli/settings.js";
import { type CompiledScenario, compileScenario } from "../scenario/compile.js";
import { type Diagnostic, formatDiagnostic, formatPath, InputError } from "../scenario/diagnostics.js";
import type { Scenario } from "../scenario/schema.js";
import { loadScenario } from "../scenario/validate.js";
import { countConsistent } from "../space/index.js";
import { canonicalJson, type ScenarioWithText, type Store } from "../store/index.js";

/** An error answered with an HTTP status and a JSON body (never a stack trace). */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, error: string, extra: Record<string, unknown> = {}, headers = {}) {
    super(error);
    this.name = "HttpError";
    this.status = status;
    this.body = { error, ...extra };
    this.headers = headers;
  }
}

/** A diagnostic as the API answers it: the CLI's fields, and its message as the CLI prints it. */
export function diagnosticJson(d: Diagnostic) {
  return {
    file: d.file,
    ...(d.position ? { line: d.position.line, col: d.position.col } : {}),
    path: formatPath(d.path),
    message: d.message,
    severity: d.severity ?? ("error" as const),
    text: formatDiagnostic(d),
  };
}

/** The file name located errors of an upload carry. */
export const UPLOAD_FILE = "scenario.yaml";

/** Validate and keep an uploaded scenario text. Invalid: HttpError 422 with the located diagnostics. */
export function uploadScenario(store: Store, text: string) {
  const r = loadScenario(text, UPLOAD_FILE);
  if (!r.ok)
    throw new HttpError(422, `the scenario has ${r.errors.length} error${r.errors.length === 1 ? "" : "s"}`, {
      diagnostics: [...r.errors, ...r.warnings].map(diagnosticJson),
    });
  const { scenario, created } = store.addScenario(text, canonicalJson(r.value), r.value.id, r.value.title);
  scenarioCache.set(scenario.id, r.value);
  return { ...scenario, created, warnings: r.warnings.map(diagnosticJson) };
}

const CACHE_SIZE = 16;
const scenarioCache = new Map<string, Scenario>();

/** A stored scenario by hash or name (and version), or HttpError 404. */
export function storedScenario(store: Store, ref: string, version?: number): ScenarioWithText {
  const found = store.scenario(ref, version);
  if (!found)
    throw new HttpError(404, `no scenario "${ref}"${version === undefined ? "" : ` version ${version}`}`);
  return found;
}

/** The validated scenario of a stored record (validated once per hash while it stays in the cache). */
export function scenarioValue(record: ScenarioWithText): Scenario {
  let s = scenarioCache.get(record.id);
  if (s) {
    // Most recently used last: the first key is the one to drop.
    scenarioCache.delete(record.id);
  } else {
    const r = loadScenario(record.text, UPLOAD_FILE);
    if (!r.ok) throw new Error(`stored scenario ${record.id} no longer validates`);
    s = r.value;
  }
  scenarioCache.set(record.id, s);
  if (scenarioCache.size > CACHE_SIZE) scenarioCache.delete(scenarioCache.keys().next().value!);
  return s;
}

/** The name results show for a stored scenario: `mini v2`. */
export function scenarioFile(record: ScenarioWithText): string {
  return `${record.name} v${record.version}`;
}

/** A scenario with a request's `set` applied. */
export interface SettledRequest {
  c: CompiledScenario & { file: string };
  overrides: Record<string, number>;
  settings: { path: string; value: string }[];
}

/**
 * Apply `set` (the CLI's `--set`, same errors) to a stored scenario. Errors: HttpError 400 with the message
 * (and located diagnostics for a scenario value that does not validate).
 */
export function settle(record: ScenarioWithText, set: readonly string[] = []): SettledRequest {
  const loaded = { ...compileScenario(scenarioValue(record)), file: scenarioFile(record) };
  // settled() reads only `values.set` of the command context.
  const ctx = { values: { set: [...set] }, positionals: [], io: undefined } as unknown as CommandContext;
  const s = requestErrors(() => settled(ctx, loaded));
  const overrides = Object.fromEntries(
    [...s.parameters].filter(([, v]) => v.origin === "override").map(([id, v]) => [id, v.value]),
  );
  return { c: s.c, overrides, settings: s.settings.map((x) => ({ path: x.path, value: x.value })) };
}

/** Run `f`, turning the CLI's usage and input errors into HttpError 400. */
export function requestErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UsageError) throw new HttpError(400, e.message.replace(/^--/, ""));
    if (e instanceof InputError)
      throw new HttpError(400, "a setting does not fit the scenario", {
        diagnostics: e.diagnostics.map(diagnosticJson),
      });
    throw e;
  }
}

/** `where` in one canonical spelling: "dim=option" parts sorted by dimension; undefined when empty. */
export function canonicalWhere(where: string | Record<string, string> | undefined): string | undefined {
  if (where === undefined) return undefined;
  const parts =
    typeof where === "string"
      ? where
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean)
      : Object.entries(where).map(([d, o]) => `${d}=${o}`);
  const out = parts
    .map((p) => p.replace(/\s*=\s*/, "="))
    .sort()
    .join(",");
  return out === "" ? undefined : out;
}

/**
 * Check `where` against the scenario and the number of consistent schemes it leaves against `maxSchemes`.
 * Errors: HttpError 400 (a bad `where`) or 422 (too many schemes, with the count and the limit).
 */
export function checkSpace(c: CompiledScenario, where: string | undefined, maxSchemes: number): number {
  const filter = requestErrors(() => whereArg(c, where, "where"));
  const schemes = Number(countConsistent(c, c.rules, filter));
  if (schemes > maxSchemes)
    throw new HttpError(
      422,
      `the request covers ${schemes} consistent schemes, more than this server's limit of ${maxSchemes} (serve --max-schemes); narrow it with where`,
      { schemes, maxSchemes },
    );
  return schemes;
}
