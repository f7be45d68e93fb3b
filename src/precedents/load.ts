/**
 * Loading the precedent library: each file parsed and validated like a scenario (located errors from the
 * same YAML adapter and schema-diagnostics helper), then merged with ids unique across files.
 */
import type { Diagnostic, Result } from "../scenario/diagnostics.js";
import { parseYaml } from "../scenario/yaml.js";
import { schemaDiagnostics } from "../scenario/zod-diagnostics.js";
import type { LibrarySource } from "./schema.js";
import { type AirPrecedent, type GroundPrecedent, PrecedentFile, type PrecedentLibrary } from "./schema.js";

type Path = (string | number)[];

/** Checks the schema cannot express: unique ids, sources that resolve, a geometry for ground missions. */
function semanticErrors(f: PrecedentFile): [Path, string][] {
  const out: [Path, string][] = [];
  const ids = new Set<string>();
  f.sources.forEach((s, i) => {
    if (ids.has(s.id)) out.push([["sources", i, "id"], `duplicate source id "${s.id}"`]);
    ids.add(s.id);
  });
  const walk = (v: unknown, path: Path) => {
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (k === "source" && typeof x === "string" && !ids.has(x))
          out.push([[...path, k], `unknown source "${x}"; declare it under sources in this file`]);
        else walk(x, [...path, k]);
      }
  };
  walk({ ground: f.ground, air: f.air }, []);
  f.ground.forEach((g, i) => {
    if (!g.lineKm && !g.areaKm2 && !g.population && !g.sites && !g.excluded)
      out.push([
        ["ground", i],
        "a mission needs a geometry (lineKm, areaKm2, population or sites) or an `excluded` reason",
      ]);
    if (g.years.end !== undefined && g.years.end < g.years.start)
      out.push([["ground", i, "years", "end"], `ends (${g.years.end}) before it starts (${g.years.start})`]);
  });
  f.air.forEach((a, i) => {
    if (!a.aircraft && !a.alertAircraft)
      out.push([["air", i], "an air-policing precedent needs `aircraft` or `alertAircraft`"]);
    if (!a.aircraft && !a.excluded)
      out.push([["air", i], "without `aircraft` the QRA fit cannot use it: give an `excluded` reason"]);
  });
  return out;
}

/**
 * Parse and validate one library file.
 * @example loadPrecedentFile(readFileSync(f, "utf8"), f) // {
        ok: true,
        value: { sources: new Map([...sources].map(([id, v]) => [id, v.source])), ground, air },
      }
 */
export function loadPrecedentFile(text: string, file: string): Result<PrecedentFile> {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const { data, locate } = parsed.value;
  const r = PrecedentFile.safeParse(data);
  if (!r.success) return { ok: false, errors: schemaDiagnostics(r.error.issues, data, file, locate) };
  const errors: Diagnostic[] = semanticErrors(r.data).map(([path, message]) => ({
    file,
    path,
    position: locate(path),
    message,
  }));
  return errors.length ? { ok: false, errors } : { ok: true, value: r.data };
}

/**
 * Load every file of the library and merge them; a mission id used in two files is an error at the second.
 * Files are taken in the order given (sort them for a stable library).
 * @example loadPrecedentLibrary([{ file: "ground.yaml", text }]).ok
 */
export function loadPrecedentLibrary(
  files: readonly { file: string; text: string }[],
): Result<PrecedentLibrary> {
  const errors: Diagnostic[] = [];
  const sources = new Map<string, { source: LibrarySource; file: string }>();
  const ground: GroundPrecedent[] = [];
  const air: AirPrecedent[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    const r = loadPrecedentFile(text, file);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    const parsed = parseYaml(text, file);
    const locate = parsed.ok ? parsed.value.locate : () => undefined;
    for (const [kind, list] of [
      ["ground", r.value.ground],
      ["air", r.value.air],
    ] as const) {
      list.forEach((m, i) => {
        const prev = seen.get(m.id);
        if (prev !== undefined) {
          const path = [kind, i, "id"];
          errors.push({
            file,
            path,
            position: locate(path),
            message: `mission id "${m.id}" is also in ${prev}`,
          });
        } else seen.set(m.id, file);
      });
    }
    // One source id means one source across the library: the same declaration may repeat, a different one not.
    r.value.sources.forEach((s, i) => {
      const prev = sources.get(s.id);
      if (!prev) sources.set(s.id, { source: s, file });
      else if (JSON.stringify(prev.source) !== JSON.stringify(s)) {
        const path = ["sources", i, "id"];
        errors.push({
          file,
          path,
          position: locate(path),
          message: `source id "${s.id}" is declared differently in ${prev.file}`,
        });
      }
    });
    ground.push(...r.value.ground);
    air.push(...r.value.air);
  }
  return errors.length
    ? { ok: false, errors }
    : {
        ok: true,
        value: { sources: new Map([...sources].map(([id, v]) => [id, v.source])), ground, air },
      };
}
