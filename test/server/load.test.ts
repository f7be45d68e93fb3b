/**
 * Load on loopback, bounded in count and time: concurrent analyses of a small scenario (none lost, none
 * failed), then a stream of malformed and hostile requests (no crash, no stack trace, no 5xx, memory back to
 * its baseline). The suite sends 2,000 hostile requests; GUARANTOR_LOAD_FULL=1 sends the issue's 10,000.
 */

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTaskPool, type TaskPool } from "../../src/adapters/pool.js";
import { buildServer } from "../../src/server/app.js";
import { MINI_TEXT, tempDb } from "./helpers.js";

const FULL = process.env.GUARANTOR_LOAD_FULL === "1";
const ANALYSES = 200;
const HOSTILE = FULL ? 10_000 : 2_000;
const IN_FLIGHT = 32;
const TOKEN = "load-test-token-0123456789";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

let pool: TaskPool;
let app: FastifyInstance;
let secured: FastifyInstance;
let base: string;
let securedBase: string;

beforeAll(async () => {
  pool = createTaskPool({ workers: 2 });
  app = await buildServer({ db: tempDb(), pool, maxActive: 256 });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  secured = await buildServer({ db: tempDb(), pool, token: TOKEN });
  securedBase = await secured.listen({ port: 0, host: "127.0.0.1" });
  const r = await fetch(`${base}/scenarios`, {
    method: "POST",
    headers: { "content-type": "application/yaml" },
    body: MINI_TEXT,
  });
  expect(r.status).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await secured?.close();
  await pool?.destroy();
});

const json = (body: unknown) => ({ "content-type": "application/json", body: JSON.stringify(body) });
const yaml = (body: string) => ({ "content-type": "application/yaml", body });

function aliasBomb(depth: number): string {
  const names = "abcdefghijklmnop";
  const lines = [`a: &a [${Array(10).fill('"lol"').join(", ")}]`];
  for (let i = 1; i < depth; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(10)
        .fill(`*${names[i - 1]}`)
        .join(", ")}]`,
    );
  return lines.join("\n");
}

/** The i-th hostile request: method, url, headers, body; every one is refused. */
function hostile(i: number): { url: string; method: string; headers: Record<string, string>; body?: string } {
  const kinds: (() => {
    url: string;
    method: string;
    headers?: Record<string, string>;
    body?: string;
  } & Partial<ReturnType<typeof json>>)[] = [
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: "mini", samples: "lots" }) }),
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: 42 }) }),
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: "mini", extra: { deep: [1, 2, 3] } }) }),
    () => ({
      method: "POST",
      url: "/analyses",
      ...json({ scenario: "mini", __proto__: { admin: true }, constructor: 1 }),
    }),
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: "mini", where: "ground=tanks" }) }),
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: "mini", set: ["process.exit=1"] }) }),
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: "mini", samples: 1e12 }) }),
    () => ({ method: "POST", url: "/analyses", ...json({ scenario: "mini", seed: -1, samples: 5 }) }),
    () => ({
      method: "POST",
      url: "/analyses",
      "content-type": "application/json",
      body: '{"scenario": "mini",',
    }),
    () => ({ method: "POST", url: "/analyses", "content-type": "application/json", body: "[]" }),
    () => ({ method: "POST", url: "/scenarios", ...yaml(aliasBomb(9)) }),
    () => ({ method: "POST", url: "/scenarios", ...yaml("id: [unclosed\n  - : :") }),
    () => ({ method: "POST", url: "/scenarios", ...yaml(MINI_TEXT.replace("id: mini", "id: 7")) }),
    () => ({ method: "POST", url: "/scenarios", ...yaml("!!js/function 'function () { process.exit(1) }'") }),
    () => ({
      method: "POST",
      url: "/scenarios",
      "content-type": "application/x-www-form-urlencoded",
      body: "a=1",
    }),
    () => ({ method: "GET", url: "/scenarios/..%2F..%2Fetc%2Fpasswd" }),
    () => ({ method: "GET", url: "/analyses/../../../../etc/passwd" }),
    () => ({ method: "GET", url: `/analyses/r${"0".repeat(16)}/result` }),
    () => ({ method: "GET", url: `/scenarios/${"x".repeat(5000)}` }),
    () => ({ method: "GET", url: "/scenarios/mini?version=-1" }),
    () => ({ method: "GET", url: "/scenarios/mini?version=1&version=2" }),
    () => ({ method: "DELETE", url: "/scenarios/mini" }),
    () => ({ method: "POST", url: "/scenarios/mini/explain", ...json({ scheme: "commitment=treaty" }) }),
    () => ({ method: "POST", url: "/scenarios/mini/explain", ...json({ scheme: "a".repeat(5000) }) }),
    () => ({ method: "POST", url: "/scenarios/mini/consensus", ...json({ top: 0 }) }),
    () => ({ method: "POST", url: "/scenarios/mini/mechanism", ...json({ scheme: null }) }),
    () => ({ method: "GET", url: "/analyses/r0000000000000000/compare/..%00" }),
  ];
  const k = i % (kinds.length + 3);
  if (k === kinds.length)
    return { method: "GET", url: `${securedBase}/health`, headers: { authorization: `Bearer wrong-${i}` } };
  if (k === kinds.length + 1) return { method: "GET", url: `${securedBase}/analyses`, headers: {} };
  if (k === kinds.length + 2)
    // A body over the limit (2 MiB) one time in ten here: the limit, not the traffic, is what is tested.
    return Math.floor(i / (kinds.length + 3)) % 10 === 0
      ? {
          method: "POST",
          url: `${base}/scenarios`,
          headers: { "content-type": "application/yaml" },
          body: "x".repeat(2 * 1024 * 1024 + 1),
        }
      : {
          method: "PUT",
          url: `${base}/analyses`,
          headers: { "content-type": "application/json" },
          body: "{}",
        };
  const r = kinds[k]!();
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r["content-type"]) headers["content-type"] = r["content-type"];
  return { method: r.method, url: base + r.url, headers, ...(r.body !== undefined ? { body: r.body } : {}) };
}

const STACK = /\n\s+at |\.ts:\d+|\.js:\d+|node_modules|Error: .*\n/;

describe("guarantor serve: load on loopback", () => {
  it(`${ANALYSES} concurrent analyses of a small scenario: 0 errors, 0 lost runs`, async () => {
    const t0 = performance.now();
    const started = await Promise.all(
      Array.from({ length: ANALYSES }, (_, k) =>
        fetch(`${base}/analyses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ scenario: "mini", samples: 20, seed: 1000 + k }),
        }).then(async (r) => ({ status: r.status, id: ((await r.json()) as { id: string }).id })),
      ),
    );
    expect(started.filter((s) => s.status !== 202)).toEqual([]);
    const ended = await Promise.all(
      started.map(async ({ id }) => {
        // The event stream closes when the run ends.
        await (await fetch(`${base}/analyses/${id}/events`)).text();
        return ((await (await fetch(`${base}/analyses/${id}`)).json()) as { status: string }).status;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    expect(ended.filter((s) => s !== "done")).toEqual([]);
    const stored = app.guarantor.store.runs(undefined, 10_000);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(started.map((s) => s.id)));
    console.log(
      `load: ${ANALYSES} concurrent analyses done in ${seconds.toFixed(1)} s, ${stored.length} stored`,
    );
  }, 300_000);

  it(`${HOSTILE} malformed and hostile requests: 0 crashes, 0 stack traces, 0 server errors, memory back to baseline`, async () => {
    const send = async (i: number) => {
      const h = hostile(i);
      const r = await fetch(h.url, {
        method: h.method,
        headers: h.headers,
        ...(h.body !== undefined ? { body: h.body } : {}),
      });
      return { i, status: r.status, body: await r.text() };
    };
    // Warm up (every kind once), then measure the baseline.
    for (let i = 0; i < 40; i++) await send(i);
    const baseline = heapMb();
    const t0 = performance.now();
    const bad: { i: number; status: number; body: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < HOSTILE) {
          const r = await send(next++);
          if (r.status >= 500 || r.status < 400 || STACK.test(r.body)) bad.push(r);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    expect(bad.slice(0, 5)).toEqual([]);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const after = heapMb();
    console.log(
      `load: ${HOSTILE} hostile requests in ${seconds.toFixed(1)} s (${Math.round(HOSTILE / seconds)}/s), heap ${baseline.toFixed(1)} MB before, ${after.toFixed(1)} MB after`,
    );
    expect(after - baseline).toBeLessThan(25);
    expect(app.guarantor.runs.activeJobs).toBe(0);
  }, 300_000);
});
