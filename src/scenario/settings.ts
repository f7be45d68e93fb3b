/**
 * Settings: changes to a scenario given by path, as `--set id=value` does. A model parameter is set by its
 * registry id (`ground.observation.troops_per_km=1.5`: returned as an override, the resolver checks the id);
 * anything else by its path in the scenario, where a list is entered by the `id` of its element
 * (`actors.RUS.stance.reservation=0.6`, `actors.GBR.capabilities.troops=5000`,
 * `actors.RUS.stance.preferences.low-force.weight=2`, `dimensions.air.options.none.attributes.cap_stations=1`).
 * A sourced number takes the new value and loses its distribution (the setting is a point). The changed
 * scenario is validated again, so a bad value gets the same located errors as the file, against `--set`.
 */
import type { Diagnostic, Result } from "./diagnostics.js";
import type { Scenario } from "./schema.js";
import { validateScenarioData } from "./validate.js";

/** One setting: a path and the value as typed. */
export interface Setting {
  path: string;
  value: string;
}

/** The scenario with the settings applied, and the model-parameter overrides among them. */
export interface AppliedSettings {
  scenario: Scenario;
  /** Settings whose path is a model parameter id, by id. */
  parameters: Record<string, number>;
  /** The settings as given, for the report's assumptions. */
  settings: Setting[];
}

/** Parse `id=value` (the first `=` splits; whitespace around either side is dropped). */
export function parseSetting(text: string): Setting | undefined {
  const eq = text.indexOf("=");
  if (eq <= 0) return undefined;
  const path = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  return path && value ? { path, value } : undefined;
}

/** A typed value: a finite number, true/false, or the text itself. */
function typedValue(text: string): number | boolean | string {
  if (text === "true") return true;
  if (text === "false") return false;
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

const own = (o: object, k: string) => Object.hasOwn(o, k);

/**
 * Apply settings to a validated scenario.
 * @param isParameter whether a path is a model parameter id (the registry's `parameterDef`)
 * @param parameterProblem why a number cannot be that parameter's value (undefined: it can)
 * @example applySettings(s, [{ path: "actors.RUS.stance.reservation", value: "0.6" }], (id) => !!parameterDef(id))
 */
export function applySettings(
  scenario: Scenario,
  settings: readonly Setting[],
  isParameter: (id: string) => boolean,
  parameterProblem: (id: string, value: number) => string | undefined = () => undefined,
): Result<AppliedSettings> {
  const errors: Diagnostic[] = [];
  const err = (s: Setting, path: (string | number)[], message: string) =>
    errors.push({ file: "--set", path, message: `${s.path}=${s.value}: ${message}` });
  const parameters: Record<string, number> = {};
  // A deep copy: settings never change the caller's scenario.
  const next = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  for (const s of settings) {
    if (isParameter(s.path)) {
      const v = typedValue(s.value);
      const problem = typeof v === "number" ? parameterProblem(s.path, v) : undefined;
      if (typeof v !== "number") err(s, ["parameters", s.path], `expected a number, got "${s.value}"`);
      else if (problem) err(s, ["parameters", s.path], problem);
      else parameters[s.path] = v;
      continue;
    }
    const segments = s.path.split(".");
    let node: unknown = next;
    const path: (string | number)[] = [];
    let ok = true;
    for (let i = 0; i < segments.length - 1 && ok; i++) {
      const key = segments[i]!;
      if (Array.isArray(node)) {
        const k = node.findIndex((x) => x && typeof x === "object" && (x as { id?: unknown }).id === key);
        if (k < 0) {
          const ids = node.flatMap((x) => (x && typeof x === "object" && "id" in x ? [String(x.id)] : []));
          err(
            s,
            path,
            `no element with id "${key}"${ids.length ? `; ids: ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", …" : ""}` : ""}`,
          );
          ok = false;
          break;
        }
        path.push(k);
        node = node[k];
      } else if (node && typeof node === "object" && own(node, key)) {
        path.push(key);
        node = (node as Record<string, unknown>)[key];
      } else {
        err(s, path, `no field "${key}" here`);
        ok = false;
      }
    }
    if (!ok) continue;
    const last = segments[segments.length - 1]!;
    if (!node || typeof node !== "object" || Array.isArray(node)) {
      err(s, path, `cannot set "${last}" here`);
      continue;
    }
    const target = node as Record<string, unknown>;
    const current = own(target, last) ? target[last] : undefined;
    const value = typedValue(s.value);
    if (
      current &&
      typeof current === "object" &&
      !Array.isArray(current) &&
      "value" in current &&
      "source" in current
    ) {
      // A sourced number: the new value, no distribution.
      const { distribution: _dropped, ...rest } = current as Record<string, unknown>;
      target[last] = { ...rest, value };
    } else if (current === undefined && !own(target, last)) {
      err(s, [...path, last], `no field "${last}" here`);
    } else target[last] = value;
  }
  if (errors.length) return { ok: false, errors };
  const checked = validateScenarioData(next, "--set");
  if (!checked.ok) return checked;
  return { ok: true, value: { scenario: checked.value, parameters, settings: [...settings] } };
}
