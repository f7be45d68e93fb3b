/**
 * The core in a Web Worker: the same functions as the CLI (src/ through engine.ts), with HiGHS compiled to
 * WebAssembly for the coalitions. One request at a time; the page keeps two workers so that a long analysis
 * never holds up the field.
 */
import highsLoader from "highs";
import wasmUrl from "highs/runtime?url";
import { highsSolver } from "../../src/adapters/highs.js";
import type { MilpSolver } from "../../src/coalition/index.js";
import type { WorldAtlas } from "../../src/models/coverage.js";
import type { PlotDocument } from "../../src/report/html/index.js";
import type { Diagnostic, Scenario, Setting } from "../../src/scenario/index.js";
import {
  completions,
  controls,
  explain,
  field,
  fullScheme,
  openScenario,
  type Pictures,
  type Prepared,
  prepare,
} from "./engine.js";
import type { CompletionsAnswer, FieldAnswer, Opened, Request } from "./protocol.js";
import { withSettings } from "./yaml-edit.js";

let scenario: Scenario | undefined;
let prepared: { key: string; value: Prepared } | undefined;
let solver: Promise<MilpSolver> | undefined;

const getSolver = () => {
  solver ??= (highsLoader as unknown as (o: object) => Promise<Parameters<typeof highsSolver>[0]>)({
    locateFile: () => wasmUrl,
  }).then((h) => highsSolver(h, { timeLimitSeconds: 20 }));
  return solver;
};

function settled(settings: Setting[]) {
  if (!scenario) throw new Error("no scenario open");
  const key = JSON.stringify(settings);
  if (prepared?.key === key) return { ok: true as const, value: prepared.value };
  const r = prepare(scenario, settings);
  if (r.ok) prepared = { key, value: r.value };
  return r;
}

async function handle(
  req: Request,
): Promise<Opened | FieldAnswer | CompletionsAnswer | Diagnostic[] | { text: string; unplaced: Setting[] }> {
  const t0 = performance.now();
  if (req.kind === "check") {
    const r = openScenario(req.text, req.file);
    return r.ok ? r.warnings : r.errors;
  }
  if (req.kind === "version") {
    if (!scenario) throw new Error("no scenario open");
    return withSettings(req.text, scenario, req.settings);
  }
  if (req.kind === "open") {
    const r = openScenario(req.text, req.file);
    if (!r.ok)
      return {
        ok: false,
        errors: r.errors,
        warnings: [],
        controls: [],
        title: "",
        id: "",
        asOf: "",
        sources: {},
      };
    scenario = r.scenario;
    prepared = undefined;
    const s = r.scenario;
    return {
      ok: true,
      errors: [],
      warnings: r.warnings,
      controls: controls(s),
      title: s.title,
      id: s.id,
      asOf: s.asOf,
      sources: Object.fromEntries(s.sources.map((x) => [x.id, { title: x.title, date: x.date, url: x.url }])),
    };
  }
  const p = settled(req.settings);
  if (!p.ok)
    return {
      ok: false,
      errors: p.errors,
      field: undefined,
      explanation: undefined,
      completions: undefined,
      focus: undefined,
      ms: 0,
    };
  if (req.kind === "field") {
    const f = field(p.value.c, req.fixes);
    const s = fullScheme(p.value.c, req.fixes);
    const explanation = s && f.count !== "0" ? explain(p.value, s, await getSolver()) : undefined;
    return { ok: true, errors: [], field: f, explanation, ms: performance.now() - t0 };
  }
  const sv = await getSolver();
  const cm = completions(p.value, req.fixes, sv, await getPictures());
  const fs = cm.focus ? fullScheme(p.value.c, cm.focus.scheme) : undefined;
  return {
    ok: true,
    errors: [],
    completions: cm,
    focus: fs ? explain(p.value, fs, sv) : undefined,
    ms: performance.now() - t0,
  };
}

/** The report's pictures are drawn here, in a DOM of linkedom's (a worker has none), on the world-atlas
 *  borders; both are loaded on the first analysis, not with the page. */
let pictures: Promise<Pictures> | undefined;
function getPictures(): Promise<Pictures> {
  pictures ??= Promise.all([import("linkedom"), import("world-atlas/countries-50m.json")]).then(
    ([{ parseHTML }, atlas]) => ({
      document: parseHTML("<!doctype html><html><head></head><body></body></html>")
        .document as unknown as PlotDocument,
      atlas: ((atlas as { default?: unknown }).default ?? atlas) as WorldAtlas,
    }),
  );
  return pictures;
}

self.onmessage = async (e: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = e.data;
  try {
    const answer = await handle(req);
    self.postMessage({ id, answer });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
