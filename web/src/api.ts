/**
 * The server's API as the app uses it (`guarantor serve`, same origin only): store a scenario, save the
 * exploration as a run (the server's `analyze` with the selection as `where` and the what-if as `set`), list
 * runs, load one back, compare two. Nothing the page shows is computed there: the figures come from the worker.
 */
import type { Setting } from "../../src/scenario/index.js";
import type { Fixes } from "./engine.js";

/** A stored scenario version (the server's `Uploaded` / `Scenario`). */
export interface StoredScenario {
  /** Content hash. */
  id: string;
  name: string;
  version: number;
  title: string;
}

/** A run as the server lists it. */
export interface Run {
  id: string;
  scenario: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  options: { where?: string | null; set?: string[]; objective?: string };
  createdAt: string;
  durationMs: number | null;
  progress: { done: number; total: number } | null;
  error: string | null;
}

/** A comparison of two runs (the server's `RunDiff`). */
export interface RunDiff {
  a: string;
  b: string;
  options: { path: string; a: unknown; b: unknown }[];
  focus: { path: string; a: unknown; b: unknown }[];
  parts: {
    part: string;
    changed: boolean;
    changes: { path: string; a: unknown; b: unknown }[];
    more: number;
  }[];
  changed: string[];
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = (await res.json()) as { error?: string; diagnostics?: { text: string }[] };
      detail =
        [body.error, ...(body.diagnostics ?? []).map((d) => d.text)].filter(Boolean).join("; ") || detail;
    } catch {
      // not JSON: keep the status text
    }
    throw new Error(`${res.status}: ${detail}`);
  }
  return (await res.json()) as T;
}

/** The selection as `where`'s text and back ("dim=option,..."). */
export function whereOf(fixes: Fixes): Record<string, string> | undefined {
  return Object.keys(fixes).length ? { ...fixes } : undefined;
}
export function fixesOf(where: string | null | undefined): Fixes {
  const out: Fixes = {};
  for (const part of (where ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
export function settingsOf(set: readonly string[] | undefined): Setting[] {
  return (set ?? []).flatMap((s) => {
    const eq = s.indexOf("=");
    return eq > 0 ? [{ path: s.slice(0, eq), value: s.slice(eq + 1) }] : [];
  });
}

export const api = {
  async saveScenario(text: string): Promise<StoredScenario> {
    return json(
      await fetch("scenarios", {
        method: "POST",
        headers: { "content-type": "application/yaml" },
        body: text,
      }),
    );
  },
  async scenario(hash: string): Promise<StoredScenario & { text: string }> {
    return json(await fetch(`scenarios/${encodeURIComponent(hash)}`));
  },
  async startRun(scenario: StoredScenario, fixes: Fixes, settings: readonly Setting[]): Promise<Run> {
    const where = whereOf(fixes);
    const body = {
      scenario: scenario.id,
      ...(where ? { where } : {}),
      ...(settings.length ? { set: settings.map((s) => `${s.path}=${s.value}`) } : {}),
    };
    return json(
      await fetch("analyses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
  },
  async run(id: string): Promise<Run> {
    return json(await fetch(`analyses/${encodeURIComponent(id)}`));
  },
  async runs(): Promise<Run[]> {
    return json(await fetch("analyses"));
  },
  async compare(a: string, b: string): Promise<RunDiff> {
    return json(await fetch(`analyses/${encodeURIComponent(a)}/compare/${encodeURIComponent(b)}`));
  },
};
