/**
 * The Guarantor web app: the morphological field, live results, what-if sliders, the scenario editor and saved
 * runs. Every figure is computed in the browser by the core (src/) running in two Web Workers; the server is
 * asked only to store and load scenarios and runs.
 */
import "./style.css";
import type { EditorView } from "@codemirror/view";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import type { Diagnostic, Setting } from "../../src/scenario/index.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../../src/scenarios/index.js";
import { api, fixesOf, type Run, type StoredScenario, settingsOf } from "./api.js";
import { CoreClient } from "./core-client.js";
import { bigCount, fill, h, num } from "./dom.js";
import type { Control, Fixes } from "./engine.js";
import { fieldView } from "./field-view.js";
import type { CompletionsAnswer, FieldAnswer, Opened } from "./protocol.js";
import { completionsView, explanationView, type ResultsContext } from "./results-view.js";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Two workers on the same core: the field and one scheme's explanation (fast), the analysis (slow). */
const fast = new CoreClient();
const slow = new CoreClient(true);

interface State {
  text: string;
  file: string;
  /** The scenario as stored on the server, and the text stored, when it is. */
  stored: StoredScenario | undefined;
  storedText: string | undefined;
  opened: Opened | undefined;
  fixes: Fixes;
  /** What-if values by setting path. */
  whatIf: Map<string, number>;
  field: FieldAnswer | undefined;
  completions: CompletionsAnswer | undefined;
}

const state: State = {
  text: defaultScenarioText,
  file: DEFAULT_SCENARIO_FILE,
  stored: undefined,
  storedText: undefined,
  opened: undefined,
  fixes: {},
  whatIf: new Map(),
  field: undefined,
  completions: undefined,
};

function settings(): Setting[] {
  return [...state.whatIf].map(([path, v]) => ({ path, value: String(v) }));
}

function status(text: string, kind: "info" | "error" = "info"): void {
  const el = $("status");
  el.textContent = text;
  el.className = kind;
}

// ---------------------------------------------------------------------------------------------------------
// Results

function labels(): ResultsContext["labels"] {
  const f = state.field?.field;
  return {
    dims: Object.fromEntries(f?.dims.map((d) => [d.id, d.label]) ?? []),
    options: Object.fromEntries(
      f?.dims.map((d) => [d.id, Object.fromEntries(d.options.map((o) => [o.id, o.label]))]) ?? [],
    ),
  };
}

function showSource(id: string): void {
  const s = state.opened?.sources[id];
  const dlg = $<HTMLDialogElement>("source");
  fill(
    $("source-body"),
    h("p", { class: "muted" }, id),
    h("p", {}, h("strong", { id: "source-title" }, s?.title ?? "not among the scenario's sources")),
    h("p", { id: "source-date" }, s ? `Published ${s.date ?? "undated"}` : ""),
    s?.url ? h("p", { class: "url" }, s.url) : undefined,
  );
  dlg.showModal();
}

const context = (): ResultsContext => ({
  sources: state.opened?.sources ?? {},
  labels: labels(),
  showSource,
  adopt: (scheme) => {
    state.fixes = { ...scheme };
    void update();
  },
});

function renderResults(): void {
  const out = $("results");
  const f = state.field;
  if (!f) return;
  if (!f.ok) {
    fill(out, h("pre", { class: "error" }, f.errors.map(formatDiagnostic).join("\n")));
    return;
  }
  if (f.explanation) {
    fill(out, explanationView(context(), f.explanation, "The scheme, every dimension fixed"));
    return;
  }
  if (f.field?.count === "0") {
    fill(out, h("p", { class: "error" }, "No consistent scheme has every option fixed: free one."));
    return;
  }
  const c = state.completions;
  if (!c) {
    fill(out, h("p", { class: "muted", id: "computing" }, "Analysing the schemes of the selection…"));
    return;
  }
  if (!c.ok || !c.completions) {
    fill(out, h("pre", { class: "error" }, c.errors.map(formatDiagnostic).join("\n")));
    return;
  }
  fill(
    out,
    completionsView(context(), c.completions),
    c.focus ? explanationView(context(), c.focus, "The focus completion") : undefined,
    h("p", { class: "muted" }, `Analysed in ${Math.round(c.ms)} ms in the worker.`),
  );
}

function renderField(): void {
  const f = state.field?.field;
  if (!f) return;
  fill($("field"), fieldView(f, state.fixes, toggle));
  fill(
    $("count"),
    h("strong", { id: "count-left" }, bigCount(f.count)),
    ` of ${bigCount(f.total)} consistent schemes left with ${Object.keys(state.fixes).length} of ${f.dims.length} dimensions fixed`,
  );
}

function toggle(dim: string, option: string): void {
  if (state.fixes[dim] === option) delete state.fixes[dim];
  else state.fixes[dim] = option;
  void update();
}

let generation = 0;

/** Recompute for the current selection and settings: the field at once, the analysis when it is needed. */
async function update(): Promise<void> {
  const g = ++generation;
  const fixes = { ...state.fixes };
  const set = settings();
  const t0 = performance.now();
  document.body.dataset.busy = "true";
  const f = await fast.latest({ kind: "field", fixes, settings: set });
  if (!f || g !== generation) return;
  state.field = f;
  const full = f.explanation !== undefined || f.field?.count === "0";
  if (!full) state.completions = undefined;
  renderField();
  renderResults();
  document.body.dataset.updatedMs = String(performance.now() - t0);
  document.body.dataset.generation = String(g);
  if (full || !f.ok) {
    document.body.dataset.busy = "false";
    return;
  }
  const c = await slow.latest({ kind: "completions", fixes, settings: set });
  if (!c || g !== generation) return;
  state.completions = c;
  renderResults();
  document.body.dataset.busy = "false";
  document.body.dataset.analysedMs = String(performance.now() - t0);
}

// ---------------------------------------------------------------------------------------------------------
// What-if

function renderWhatIf(controls: Control[]): void {
  const groups = new Map<string, Control[]>();
  for (const c of controls) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  let timer: number | undefined;
  fill(
    $("whatif-controls"),
    [...groups].map(([group, cs], k) =>
      h(
        "details",
        { open: k === 0 },
        h("summary", {}, group),
        cs.map((c) => {
          const value = state.whatIf.get(c.path) ?? c.value;
          const shown = h("output", {}, num(value));
          return h(
            "label",
            { class: "slider" },
            h("span", { class: "slider-label", title: `${c.path} (range: ${c.range})` }, c.label),
            h("input", {
              type: "range",
              min: c.min,
              max: c.max,
              step: c.step,
              value,
              "data-path": c.path,
              oninput: (e: Event) => {
                const v = Number((e.target as HTMLInputElement).value);
                shown.textContent = num(v);
                if (v === c.value) state.whatIf.delete(c.path);
                else state.whatIf.set(c.path, v);
                renderOverrides();
                window.clearTimeout(timer);
                timer = window.setTimeout(() => void update(), 30);
              },
            }),
            shown,
          );
        }),
      ),
    ),
  );
  renderOverrides();
}

function renderOverrides(): void {
  fill(
    $("overrides"),
    state.whatIf.size === 0
      ? h("span", { class: "muted" }, "No what-if change.")
      : h(
          "code",
          {},
          settings()
            .map((s) => `--set ${s.path}=${s.value}`)
            .join(" "),
        ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Scenario: open, edit, store

async function openText(text: string, file: string): Promise<boolean> {
  const [a] = await Promise.all([
    fast.call({ kind: "open", text, file }),
    slow.call({ kind: "open", text, file }),
  ]);
  if (!a.ok) {
    status(`The scenario has errors: ${a.errors.map(formatDiagnostic).join("; ")}`, "error");
    return false;
  }
  state.text = text;
  state.file = file;
  state.opened = a;
  fill($("title"), a.title, h("span", { class: "muted" }, ` · ${a.id} as of ${a.asOf}`));
  renderWhatIf(a.controls);
  await update();
  return true;
}

/** Store the text as a scenario (a new version when the id exists); returns where it is stored. */
async function storeScenario(text: string): Promise<StoredScenario | undefined> {
  try {
    const s = await api.saveScenario(text);
    state.stored = s;
    state.storedText = text;
    return s;
  } catch (e) {
    status(`Could not store the scenario: ${(e as Error).message}`, "error");
    return undefined;
  }
}

let editor: EditorView | undefined;

function showDiagnostics(d: Diagnostic[]): void {
  fill(
    $("diagnostics"),
    d.length === 0
      ? h("p", { class: "ok" }, "No problem found by the loader.")
      : h(
          "ul",
          {},
          d.map((x) =>
            h("li", { class: x.severity === "warning" ? "warning" : "error" }, formatDiagnostic(x)),
          ),
        ),
  );
}

async function applyEditor(): Promise<void> {
  if (!editor) return;
  const text = editor.state.doc.toString();
  const diags = await fast.call({ kind: "check", text, file: state.file });
  showDiagnostics(diags);
  if (diags.some((d) => d.severity !== "warning")) {
    status("Not applied: the scenario has errors (see the list under the editor).", "error");
    return;
  }
  if (await openText(text, state.file)) {
    const s = await storeScenario(text);
    status(
      s ? `Applied and stored as ${s.name}, version ${s.version}.` : "Applied in the browser (not stored).",
    );
  }
}

/** The editor is loaded on first use: CodeMirror stays out of the first page load. */
async function ensureEditor(): Promise<void> {
  if (editor) {
    if (editor.state.doc.toString() !== state.text) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: state.text } });
    }
    return;
  }
  const { createEditor } = await import("./editor-view.js");
  if (editor) return;
  editor = createEditor($("editor"), state.text, {
    check: (text) => fast.call({ kind: "check", text, file: state.file }),
    onDiagnostics: showDiagnostics,
    onSave: () => void applyEditor(),
  });
}

async function saveVersion(): Promise<void> {
  if (!state.opened) return;
  const r = await fast.call({ kind: "check", text: state.text, file: state.file });
  if (r.some((d) => d.severity !== "warning")) return;
  const { text, unplaced } = await fast.call({ kind: "version", text: state.text, settings: settings() });
  const diags = await fast.call({ kind: "check", text, file: state.file });
  if (diags.some((d) => d.severity !== "warning")) {
    status(`The new version would not load: ${diags.map(formatDiagnostic).join("; ")}`, "error");
    return;
  }
  const kept = new Set(unplaced.map((s) => s.path));
  for (const p of [...state.whatIf.keys()]) if (!kept.has(p)) state.whatIf.delete(p);
  if (await openText(text, state.file)) {
    const s = await storeScenario(text);
    if (editor) await ensureEditor();
    status(
      `${s ? `Stored as version ${s.version} of ${s.name}.` : "Applied in the browser."}` +
        (unplaced.length ? ` Kept as overrides: ${unplaced.map((u) => u.path).join(", ")}.` : ""),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Runs

/** The scenario as stored on the server: stored now when the text changed since it last was. */
async function storedNow(): Promise<StoredScenario | undefined> {
  if (state.stored && state.storedText === state.text) return state.stored;
  return storeScenario(state.text);
}

/** Save the exploration as a run: the server's analysis of the stored scenario, the selection as `where` and
 *  the what-if as `set`; waits (at most RUN_WAIT_MS) until the server has finished it. */
async function saveRun(): Promise<void> {
  status("Saving the run…");
  const stored = await storedNow();
  if (!stored) return;
  try {
    let run = await api.startRun(stored, state.fixes, settings());
    status(`Run ${run.id} ${run.status} on the server…`);
    const until = Date.now() + RUN_WAIT_MS;
    while ((run.status === "queued" || run.status === "running") && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 300));
      run = await api.run(run.id);
    }
    status(
      run.status === "done"
        ? `Saved run ${run.id}.`
        : `Run ${run.id} is ${run.status}${run.error ? `: ${run.error}` : ""}.`,
      run.status === "failed" ? "error" : "info",
    );
    await listRuns();
  } catch (err) {
    status(`Could not save the run: ${(err as Error).message}`, "error");
  }
}

const RUN_WAIT_MS = 120_000;
let runs: Run[] = [];
const chosen = new Set<string>();

function describeRun(r: Run): string {
  const fixes = Object.entries(fixesOf(r.options.where));
  const set = r.options.set ?? [];
  return [
    fixes.length ? fixes.map(([d, o]) => `${d}=${o}`).join(", ") : "no option fixed",
    set.length ? `--set ${set.join(" ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

async function listRuns(): Promise<void> {
  try {
    runs = await api.runs();
  } catch (err) {
    fill($("runs-list"), h("p", { class: "error" }, `Could not list runs: ${(err as Error).message}`));
    return;
  }
  fill(
    $("runs-list"),
    runs.length === 0
      ? h("p", { class: "muted" }, "No saved run yet.")
      : h(
          "table",
          {},
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", {}, "compare"),
              h("th", {}, "run"),
              h("th", {}, "saved"),
              h("th", {}, "status"),
              h("th", {}, "exploration"),
              h("th", {}, ""),
            ),
          ),
          h(
            "tbody",
            {},
            runs.map((r) =>
              h(
                "tr",
                { "data-run": r.id },
                h(
                  "td",
                  {},
                  h("input", {
                    type: "checkbox",
                    "aria-label": `compare ${r.id}`,
                    checked: chosen.has(r.id),
                    onchange: (e: Event) => {
                      if ((e.target as HTMLInputElement).checked) chosen.add(r.id);
                      else chosen.delete(r.id);
                    },
                  }),
                ),
                h("td", { class: "run-id" }, r.id),
                h("td", {}, r.createdAt.replace("T", " ").slice(0, 19)),
                h("td", {}, r.status, r.durationMs !== null ? ` in ${num(r.durationMs / 1000)} s` : ""),
                h("td", { class: "run-where" }, describeRun(r)),
                h("td", {}, h("button", { type: "button", onclick: () => void openRun(r) }, "Open")),
              ),
            ),
          ),
        ),
  );
}

async function openRun(run: Run): Promise<void> {
  try {
    if (state.stored?.id !== run.scenario) {
      const s = await api.scenario(run.scenario);
      if (!(await openText(s.text, state.file))) return;
      state.stored = s;
      state.storedText = s.text;
    }
    state.fixes = fixesOf(run.options.where);
    state.whatIf = new Map(settingsOf(run.options.set).map((x) => [x.path, Number(x.value)]));
    if (state.opened) renderWhatIf(state.opened.controls);
    selectTab("explore");
    await update();
    status(`Opened run ${run.id}.`);
  } catch (err) {
    status(`Could not open run ${run.id}: ${(err as Error).message}`, "error");
  }
}

/** A value of a compared answer: numbers as the rest of the page writes them, long values cut (full on hover). */
const SHOWN_CHARS = 80;
function show(v: unknown): HTMLElement {
  const full =
    v === undefined || v === null
      ? "—"
      : typeof v === "number"
        ? num(v)
        : typeof v === "object"
          ? JSON.stringify(v)
          : String(v);
  const cut = full.length > SHOWN_CHARS ? `${full.slice(0, SHOWN_CHARS - 1)}…` : full;
  return h("td", cut === full ? {} : { title: full }, cut);
}

type Change = { path: string; a: unknown; b: unknown };

/** One part of a comparison: a table of its changes, folded unless it is the selection or the focus. */
function changesView(title: string, changes: Change[], more: number, open: boolean, a: string, b: string) {
  return h(
    "details",
    { class: "compare-part", open },
    h("summary", {}, `${title}: ${changes.length + more} change${changes.length + more === 1 ? "" : "s"}`),
    h(
      "table",
      { class: "compare" },
      h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, a), h("th", {}, b))),
      h(
        "tbody",
        {},
        changes.map((r) =>
          h("tr", { class: "differs" }, h("td", { class: "path" }, r.path), show(r.a), show(r.b)),
        ),
      ),
    ),
    more ? h("p", { class: "muted" }, `and ${more} more`) : undefined,
  );
}

async function compareRuns(): Promise<void> {
  const picked = runs.filter((r) => chosen.has(r.id));
  if (picked.length !== 2) {
    fill($("runs-compare"), h("p", { class: "error" }, "Tick exactly two runs to compare."));
    return;
  }
  try {
    const d = await api.compare(picked[0]!.id, picked[1]!.id);
    const names = labels();
    const focus = d.focus.map((x) => {
      const dim = x.path.replace(/^.*\./, "");
      const label = (o: unknown) => (typeof o === "string" ? (names.options[dim]?.[o] ?? o) : o);
      return { path: names.dims[dim] ?? x.path, a: label(x.a), b: label(x.b) };
    });
    fill(
      $("runs-compare"),
      h("h3", {}, `${d.a} against ${d.b}`),
      h(
        "p",
        {},
        d.changed.length ? `Changed: ${d.changed.join(", ")}.` : "The two runs give the same answers.",
      ),
      d.options.length ? changesView("Options of the runs", d.options, 0, true, d.a, d.b) : undefined,
      focus.length ? changesView("The focus scheme", focus, 0, true, d.a, d.b) : undefined,
      d.parts.filter((p) => p.changed).map((p) => changesView(p.part, p.changes, p.more, false, d.a, d.b)),
    );
  } catch (err) {
    fill($("runs-compare"), h("p", { class: "error" }, `Could not compare: ${(err as Error).message}`));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tabs and start

function selectTab(name: string): void {
  for (const t of document.querySelectorAll<HTMLElement>("[data-tab]"))
    t.setAttribute("aria-selected", String(t.dataset.tab === name));
  for (const p of document.querySelectorAll<HTMLElement>("[data-pane]")) p.hidden = p.dataset.pane !== name;
  if (name === "editor") void ensureEditor();
  if (name === "runs") void listRuns();
}

for (const t of document.querySelectorAll<HTMLElement>("[data-tab]"))
  t.addEventListener("click", () => selectTab(t.dataset.tab!));
$("clear").addEventListener("click", () => {
  state.fixes = {};
  void update();
});
$("reset-whatif").addEventListener("click", () => {
  state.whatIf.clear();
  if (state.opened) renderWhatIf(state.opened.controls);
  void update();
});
$("save-version").addEventListener("click", () => void saveVersion());
$("save-run").addEventListener("click", () => void saveRun());
$("apply").addEventListener("click", () => void applyEditor());
$("compare").addEventListener("click", () => void compareRuns());
$("source-close").addEventListener("click", () => $<HTMLDialogElement>("source").close());

selectTab("explore");
status("Loading the scenario in the worker…");
void openText(state.text, state.file).then((ok) => {
  if (ok) status("Ready. Every figure is computed in this browser.");
  document.body.dataset.ready = "true";
});
