/**
 * The server's API as the app uses it (`guarantor serve`): store scenarios, save an exploration as a run, list
 * and load runs. Nothing is computed there for the page: the figures come from the worker. Same origin only.
 */
import type { Setting } from "../../src/scenario/index.js";
import type { Fixes } from "./engine.js";

/** A stored scenario: its name (the scenario id) and version. */
export interface StoredScenario {
  id: string;
  version: string;
}

/** What the page keeps of an exploration: the selection, the what-if settings and the headline figures. */
export interface RunSummaryFigures {
  count: string;
  zone: number | undefined;
  accepts: Record<string, number> | undefined;
  verdicts: Record<string, boolean> | undefined;
  deterrence: number | undefined;
  costUsdMPerYear: number | undefined;
  scheme: Record<string, string> | undefined;
}

export interface NewRun {
  name: string;
  scenario: StoredScenario;
  fixes: Fixes;
  settings: Setting[];
  summary: RunSummaryFigures;
}

export interface RunSummary {
  id: string;
  name: string;
  createdAt: string;
  fixes: Fixes;
}

export interface SavedRun extends NewRun {
  id: string;
  createdAt: string;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = (await res.json()) as { message?: string; error?: string };
      detail = body.message ?? body.error ?? detail;
    } catch {
      // not JSON: keep the status text
    }
    throw new Error(`${res.status} ${detail}`);
  }
  return (await res.json()) as T;
}

const post = (path: string, body: unknown) =>
  fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

export const api = {
  async saveScenario(text: string): Promise<StoredScenario> {
    return json<StoredScenario>(await post("api/scenarios", { yaml: text }));
  },
  async scenarioText(s: StoredScenario): Promise<string> {
    const r = await json<{ yaml: string }>(
      await fetch(`api/scenarios/${encodeURIComponent(s.id)}?version=${encodeURIComponent(s.version)}`),
    );
    return r.yaml;
  },
  async saveRun(run: NewRun): Promise<SavedRun> {
    return json<SavedRun>(await post("api/explorations", run));
  },
  async listRuns(): Promise<RunSummary[]> {
    return json<RunSummary[]>(await fetch("api/explorations"));
  },
  async getRun(id: string): Promise<SavedRun> {
    return json<SavedRun>(await fetch(`api/explorations/${encodeURIComponent(id)}`));
  },
};
