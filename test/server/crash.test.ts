/**
 * Crash safety of the store: a server saving runs is killed with SIGKILL at random moments, again and again,
 * on one SQLite file; afterwards the file is sound, every run listed loads whole, and every run a client saw
 * finished is there. Bounded in count and time: `GUARANTOR_CRASH_KILLS` kills (default 50), but no new life
 * starts after `GUARANTOR_CRASH_SECONDS` (default 150 s; a loaded machine starts servers slowly), and at least
 * MIN_KILLS must have happened.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/random/index.js";
import { openStore } from "../../src/store/index.js";
import { ROOT } from "../helpers.js";
import { MINI_TEXT, tempDb } from "./helpers.js";

const KILLS = Number(process.env.GUARANTOR_CRASH_KILLS ?? 50);
const SECONDS = Number(process.env.GUARANTOR_CRASH_SECONDS ?? 150);
const MIN_KILLS = Math.min(KILLS, 10);
// Two folders below the root, so that the bundle finds node_modules and package.json as src/server does.
const CHILD = join(ROOT, "node_modules", ".cache", `guarantor-crash-child-${process.pid}.mjs`);

beforeAll(() => {
  // The child is bundled to plain JavaScript: it starts in half a second, not the seconds tsx takes.
  buildSync({
    entryPoints: [join(ROOT, "test", "server", "crash-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    target: "node20",
    outfile: CHILD,
    logLevel: "silent",
  });
});
afterAll(() => rmSync(CHILD, { force: true }));

function startChild(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [CHILD, db], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (d) => {
      err += d;
    });
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on("exit", (code) => reject(new Error(`child exited ${code} before listening: ${err}`)));
  });
}

const post = (base: string, path: string, body: string, type = "application/json") =>
  fetch(base + path, { method: "POST", headers: { "content-type": type }, body });

describe("guarantor serve: crash safety", () => {
  it(`a server saving runs, killed with SIGKILL up to ${KILLS} times at random moments, leaves a sound store and no half-saved run`, async () => {
    const db = tempDb();
    const until = performance.now() + SECONDS * 1000;
    let kills = 0;
    const random = mulberry32(20250820);
    const seenDone = new Set<string>();
    let seed = 0;
    let accepted = 0;
    for (; kills < KILLS && (kills < MIN_KILLS || performance.now() < until); kills++) {
      const { child, base } = await startChild(db);
      const exited = new Promise((r) => child.once("exit", r));
      let alive = true;
      let firstDone: () => void = () => {};
      const doneInLife = new Promise<void>((r) => {
        firstDone = r;
      });
      expect((await post(base, "/scenarios", MINI_TEXT, "application/yaml")).status).toBeLessThan(300);
      // Four clients start runs (each a new seed) and read their status until the kill.
      const client = async () => {
        while (alive) {
          try {
            const r = await post(
              base,
              "/analyses",
              JSON.stringify({ scenario: "mini", samples: 40, seed: seed++ }),
            );
            const { id } = (await r.json()) as { id: string };
            accepted++;
            while (alive) {
              const s = (await (await fetch(`${base}/analyses/${id}`)).json()) as { status: string };
              if (s.status === "done") {
                seenDone.add(id);
                firstDone();
                break;
              }
              await new Promise((w) => setTimeout(w, 5));
            }
          } catch {
            return; // the server was killed mid-request
          }
        }
      };
      const clients = [client(), client(), client(), client()];
      // Each life lasts until a client has seen one run finished, then a random while more, so that the
      // kill lands among later saves whatever the machine's speed.
      await doneInLife;
      await new Promise((w) => setTimeout(w, random() * 250));
      alive = false;
      child.kill("SIGKILL");
      await exited;
      await Promise.all(clients);
    }
    const store = openStore(db);
    try {
      expect(store.integrityCheck()).toBe("ok");
      const runs = store.runs(undefined, 1_000_000);
      // Every life saw at least one run finished before its kill.
      expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
      expect(seenDone.size).toBeGreaterThanOrEqual(kills);
      for (const r of runs) {
        expect(r.status).toBe("done");
        const full = store.runWithResult(r.id)!;
        const result = JSON.parse(full.result!) as { answers: unknown[]; uncertainty: { samples: number } };
        expect(result.answers).toHaveLength(8);
        expect(result.uncertainty.samples).toBe(40);
        expect(full.markdown).toMatch(/^# Guarantor analysis/);
      }
      const stored = new Set(runs.map((r) => r.id));
      for (const id of seenDone) expect(stored.has(id)).toBe(true);
      // Every stored run was one a client started.
      expect(runs.length).toBeLessThanOrEqual(accepted);
      console.log(
        `crash test: ${kills} kills (of at most ${KILLS} within ${SECONDS} s), ${accepted} runs started, ${runs.length} saved, ${seenDone.size} seen done`,
      );
    } finally {
      store.close();
    }
  }, 420_000);
});
