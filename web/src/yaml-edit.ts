/**
 * A new scenario version from what-if settings: each setting written into the YAML document itself (comments
 * and layout kept), at the place `applySettings` would change. A list is entered by its elements' `id`, as in
 * `--set`; a sourced number takes the value and loses its distribution; a model parameter becomes (or updates)
 * a point parameter of the scenario, sourced to the scenario's first judgement source.
 */
import { isMap, isSeq, parseDocument } from "yaml";
import { parameterDef } from "../../src/parameters/index.js";
import type { Scenario, Setting } from "../../src/scenario/index.js";

type Path = (string | number)[];

function typed(v: string): number | boolean | string {
  if (v === "true") return true;
  if (v === "false") return false;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : v;
}

/** The document path of a setting's dotted path, entering lists by element id; undefined when it is not there. */
function documentPath(scenario: Scenario, dotted: string): Path | undefined {
  let node: unknown = scenario;
  const out: Path = [];
  for (const seg of dotted.split(".")) {
    if (Array.isArray(node)) {
      const k = node.findIndex((e) => (e as { id?: unknown })?.id === seg);
      if (k < 0) return undefined;
      out.push(k);
      node = node[k];
    } else if (node && typeof node === "object" && Object.hasOwn(node, seg)) {
      out.push(seg);
      node = (node as Record<string, unknown>)[seg];
    } else return undefined;
  }
  if (node && typeof node === "object" && "value" in node && "source" in node) out.push("value");
  return out;
}

/**
 * The YAML text with the settings written in, or the settings that could not be.
 * @example withSettings(text, scenario, [{ path: "actors.RUS.stance.reservation", value: "0.3" }]).text
 */
export function withSettings(
  text: string,
  scenario: Scenario,
  settings: readonly Setting[],
): { text: string; unplaced: Setting[] } {
  const doc = parseDocument(text);
  const unplaced: Setting[] = [];
  const judgement = scenario.sources.find((s) => s.kind === "judgement")?.id;
  for (const s of settings) {
    const def = parameterDef(s.path);
    if (def) {
      const k = scenario.parameters.findIndex((p) => p.id === s.path);
      const point = { kind: "point", value: Number(s.value) };
      if (k >= 0) doc.setIn(["parameters", k, "distribution"], doc.createNode(point));
      else if (judgement) {
        const list = doc.getIn(["parameters"]);
        const entry = doc.createNode({ id: s.path, unit: def.unit, distribution: point, source: judgement });
        if (isSeq(list)) list.add(entry);
        else doc.setIn(["parameters"], doc.createNode([entry]));
      } else unplaced.push(s);
      continue;
    }
    const path = documentPath(scenario, s.path);
    if (!path) {
      unplaced.push(s);
      continue;
    }
    doc.setIn(path, typed(s.value));
    if (path.at(-1) === "value") {
      const parent = doc.getIn(path.slice(0, -1));
      if (isMap(parent)) parent.delete("distribution");
    }
  }
  return { text: doc.toString({ lineWidth: 0 }), unplaced };
}
