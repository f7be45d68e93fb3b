/**
 * Every route of `guarantor serve`, in process (fastify.inject), against a real SQLite file in a temporary
 * folder and a real worker pool.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTaskPool, type TaskPool } from "../../src/adapters/pool.js";
import { main } from "../../src/cli/main.js";
import { defaultScenarioText } from "../../src/scenarios/index.js";
import { buildServer } from "../../src/server/app.js";
import { MIGRATIONS, openStore } from "../../src/store/index.js";
import { ROOT, runCli } from "../helpers.js";
import { analyze, events, MINI_TEXT, tempDb, upload } from "./helpers.js";

let pool: TaskPool;
let app: FastifyInstance;
let db: string;

beforeAll(async () => {
  pool = createTaskPool({ workers: 2 });
  db = tempDb();
  app = await buildServer({ db, pool, maxSamples: 5000 });
});
afterAll(async () => {
  await app?.close();
  await pool?.destroy();
});

const noStack = (body: string) => expect(body).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);

describe("guarantor serve: server", () => {
  it("GET /health answers the version and the store's schema version", async () => {
    const r = await app.inject({ method: "GET", url: "/health" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true, version: "0.1.0", schema: MIGRATIONS.length });
  });

  it("GET /openapi.json is OpenAPI 3.1 with every route and the zod schemas as components", async () => {
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/scenarios",
      "/scenarios/{ref}",
      "/scenarios/{ref}/versions",
      "/scenarios/{ref}/analyses",
      "/analyses",
      "/analyses/{id}",
      "/analyses/{id}/result",
      "/analyses/{id}/report.md",
      "/analyses/{id}/report.html",
      "/analyses/{id}/events",
      "/analyses/{id}/compare/{other}",
      "/scenarios/{ref}/explain",
      "/scenarios/{ref}/coalition",
      "/scenarios/{ref}/mechanism",
      "/scenarios/{ref}/consensus",
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["StartAnalysis", "Run", "Error", "RunDiff"]),
    );
    expect(doc.components.schemas.StartAnalysis.additionalProperties).toBe(false);
    expect(doc.paths["/scenarios"].post.requestBody.content).toHaveProperty("application/yaml");
  });

  it("GET /docs is a readable page generated from the description, with nothing loaded from elsewhere", async () => {
    const r = await app.inject({ method: "GET", url: "/docs" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/text\/html/);
    expect(r.body).toContain("/analyses/{id}/compare/{other}");
    expect(r.body).toContain("<code>samples</code>");
    expect(r.body).not.toMatch(/<script|https?:\/\/(?!127)/);
  });

  it("an unknown route is a JSON 404; a request with an Origin gets no CORS header", async () => {
    const r = await app.inject({
      method: "GET",
      url: "/nope/../../etc/passwd",
      headers: { origin: "http://evil" },
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatch(/no route/);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("guarantor serve: scenarios", () => {
  it("POST /scenarios keeps a scenario by the hash of its canonical text; the same content again is the same version", async () => {
    const a = await upload(app, MINI_TEXT);
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ name: "mini", version: 1, title: "Minimal test scenario", created: true });
    expect(a.body.id).toMatch(/^[0-9a-f]{64}$/);
    // Comments and layout do not change the canonical text.
    const b = await upload(
      app,
      `# another comment\n${MINI_TEXT.replace("title: Minimal test scenario", "title:   Minimal test scenario")}`,
    );
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ id: a.body.id, version: 1, created: false });
  });

  it("a changed scenario is the next version of its name; GET by hash, by name, by name and version, and its history", async () => {
    const v1 = (await upload(app, MINI_TEXT)).body;
    const v2 = (
      await upload(app, MINI_TEXT.replace("title: Minimal test scenario", "title: Minimal, revised"))
    ).body;
    expect(v2).toMatchObject({ name: "mini", version: 2, title: "Minimal, revised", created: true });
    const byHash = (await app.inject({ method: "GET", url: `/scenarios/${v1.id}` })).json();
    expect(byHash).toMatchObject({ id: v1.id, version: 1, text: MINI_TEXT });
    expect((await app.inject({ method: "GET", url: "/scenarios/mini" })).json().id).toBe(v2.id);
    expect((await app.inject({ method: "GET", url: "/scenarios/mini?version=1" })).json().id).toBe(v1.id);
    const history = (await app.inject({ method: "GET", url: `/scenarios/${v2.id}/versions` })).json();
    expect(history.map((h: { version: number }) => h.version)).toEqual([1, 2]);
    const list = (await app.inject({ method: "GET", url: "/scenarios" })).json();
    expect(list).toEqual([expect.objectContaining({ name: "mini", version: 2, versions: 2 })]);
    expect((await app.inject({ method: "GET", url: "/scenarios/mini?version=9" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/scenarios/mini?version=1&x=2" })).statusCode).toBe(400);
  });

  it("an invalid scenario is refused with the CLI's located errors as JSON", async () => {
    const bad = MINI_TEXT.replace("lengthKm: { value: 1000,", 'lengthKm: { value: "long",').replace(
      "title: Minimal test scenario",
      "title: 42\ntitel: typo",
    );
    const r = await upload(app, bad);
    expect(r.status).toBe(422);
    expect(r.body.error).toBe("the scenario has 3 errors");
    const texts = r.body.diagnostics.map((d: { text: string }) => d.text);
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^scenario\.yaml:\d+:\d+ theater\.contactLine\.lengthKm\.value: expected number, got "long"$/,
      ),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(/^scenario\.yaml:\d+:1 titel: unknown field "titel"$/),
    );
    expect(r.body.diagnostics[0]).toMatchObject({
      file: "scenario.yaml",
      line: expect.any(Number),
      col: expect.any(Number),
    });
  });

  it("an alias bomb, a body over the limit, a wrong content type and a path trick are refused, without a stack trace", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(10)
          .fill(`*${i === 0 ? "a" : "bcdefghij"[i - 1]}`)
          .join(", ")}]`,
      );
    const r1 = await upload(app, bomb.join("\n"));
    expect(r1.status).toBe(422);
    expect(r1.body.diagnostics[0].message).toMatch(/YAML aliases/);
    const big = await app.inject({
      method: "POST",
      url: "/scenarios",
      headers: { "content-type": "application/yaml" },
      payload: "x".repeat(3 * 1024 * 1024),
    });
    expect(big.statusCode).toBe(413);
    const octet = await app.inject({
      method: "POST",
      url: "/scenarios",
      headers: { "content-type": "application/octet-stream" },
      payload: MINI_TEXT,
    });
    expect(octet.statusCode).toBe(415);
    const trick = await app.inject({ method: "GET", url: "/scenarios/..%2F..%2Fetc%2Fpasswd" });
    expect(trick.statusCode).toBe(400);
    for (const r of [big, octet, trick]) noStack(r.body);
  });
});

describe("guarantor serve: analyses", () => {
  it("POST /analyses runs analyze in the pool: progress events, status, JSON equal to the CLI's, Markdown", async () => {
    const start = await app.inject({
      method: "POST",
      url: "/analyses",
      payload: { scenario: "mini", version: 1 },
    });
    expect(start.statusCode).toBe(202);
    expect(start.headers.location).toBe(`/analyses/${start.json().id}`);
    const id = start.json().id as string;
    const ev = await events(app, id);
    expect(ev.at(-1)).toEqual({ event: "status", data: { status: "done", error: null } });
    expect(ev.some((e) => e.event === "progress" || e.data.status === "running")).toBe(true);
    const status = (await app.inject({ method: "GET", url: `/analyses/${id}` })).json();
    expect(status).toMatchObject({ id, status: "done", cached: false, seed: null, error: null });
    const result = await app.inject({ method: "GET", url: `/analyses/${id}/result` });
    expect(result.headers["content-type"]).toMatch(/application\/json/);
    const cli = await runCli(["analyze", "test/fixtures/mini.yaml", "--json"]);
    expect(result.json()).toEqual(JSON.parse(cli.stdout));
    const md = await app.inject({ method: "GET", url: `/analyses/${id}/report.md` });
    expect(md.headers["content-type"]).toMatch(/text\/markdown/);
    expect(md.body).toMatch(/^# Guarantor analysis: Minimal test scenario/);
    const html = await app.inject({ method: "GET", url: `/analyses/${id}/report.html` });
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toMatch(/text\/html/);
    expect(html.body).toMatch(/^<!doctype html>/i);
    expect(html.body).toContain("<svg");
    // The heatmap needs the per-option counts, which the server counts for the page and keeps out of /result.
    expect(html.body).toContain('data-figure="acceptance"');
    expect(result.json()).not.toHaveProperty("acceptanceByOption");
    expect(html.body).not.toMatch(/<script|<link /i);
  });

  it("the same scenario, options and seed are served from the store; samples and seed give the Monte-Carlo answer", async () => {
    const a = await analyze(app, { scenario: "mini", version: 1, samples: 300, seed: 7 });
    expect(a.status).toBe("done");
    const again = await app.inject({
      method: "POST",
      url: "/analyses",
      payload: { seed: 7, samples: 300, scenario: "mini", version: 1, where: "" },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: a.id, cached: true, status: "done" });
    const result = (await app.inject({ method: "GET", url: `/analyses/${a.id}/result` })).json();
    expect(result.uncertainty.samples).toBe(300);
    const cli = await runCli([
      "analyze",
      "test/fixtures/mini.yaml",
      "--json",
      "--samples",
      "300",
      "--seed",
      "7",
      "--workers",
      "1",
    ]);
    expect(result).toEqual(JSON.parse(cli.stdout));
    const other = await analyze(app, { scenario: "mini", version: 1, samples: 300, seed: 8 });
    expect(other.id).not.toBe(a.id);
  });

  it("where and set are the CLI's; two runs compare by the answers that changed", async () => {
    const whole = await analyze(app, { scenario: "mini", version: 1 });
    const narrowed = await analyze(app, {
      scenario: "mini",
      version: 1,
      where: { ground: "none" },
      set: ["actors.BBB.stance.reservation=0.05"],
    });
    expect(narrowed.status).toBe("done");
    const r = (await app.inject({ method: "GET", url: `/analyses/${narrowed.id}/result` })).json();
    expect(r.scenario.restrictedTo).toEqual({ ground: ["none"] });
    expect(r.run.settings).toEqual([{ path: "actors.BBB.stance.reservation", value: "0.05" }]);
    // The string spelling of the same where, in another order of parts, is the same run.
    const same = await app.inject({
      method: "POST",
      url: "/analyses",
      payload: {
        scenario: "mini",
        version: 1,
        where: " ground = none ",
        set: ["actors.BBB.stance.reservation=0.05"],
      },
    });
    expect(same.json()).toMatchObject({ id: narrowed.id, cached: true });
    const d = (
      await app.inject({ method: "GET", url: `/analyses/${whole.id}/compare/${narrowed.id}` })
    ).json();
    expect(d.options).toEqual(expect.arrayContaining([{ path: "where", a: null, b: "ground=none" }]));
    expect(d.changed).toContain("counts");
    expect(d.changed).toContain("acceptability");
    const counts = d.parts.find((p: { part: string }) => p.part === "counts");
    expect(counts.changes).toContainEqual({ path: "counts.consistent", a: 12, b: expect.any(Number) });
    const self = (
      await app.inject({ method: "GET", url: `/analyses/${whole.id}/compare/${whole.id}` })
    ).json();
    expect(self.changed).toEqual([]);
  });

  it("GET /scenarios/{ref}/analyses and GET /analyses list the runs; guarantor runs reads the same store", async () => {
    const list = (await app.inject({ method: "GET", url: "/scenarios/mini/analyses?version=1" })).json();
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect(list.every((r: { status: string }) => r.status === "done")).toBe(true);
    const all = (await app.inject({ method: "GET", url: "/analyses" })).json();
    expect(all.length).toBe(list.length);
    const cliList = await runCli(["runs", "list", "--db", db]);
    expect(cliList.code).toBe(0);
    for (const r of list) expect(cliList.stdout).toContain(r.id);
    expect(cliList.stdout).toContain("mini v1");
    const shown = await runCli(["runs", "show", list[0].id, "--json", "--db", db]);
    const served = (await app.inject({ method: "GET", url: `/analyses/${list[0].id}/result` })).json();
    expect(JSON.parse(shown.stdout)).toEqual(served);
    const diff = await runCli(["runs", "diff", list.at(-1).id, list[0].id, "--db", db]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/changed: |no answer changed/);
    expect((await runCli(["runs", "show", "r0000000000000000", "--db", db])).stderr).toMatch(
      /no run "r0000000000000000"/,
    );
    expect((await runCli(["runs", "list", "--db", `${db}.missing`])).code).toBe(2);
  });

  it("bad requests are refused with the field and what was expected, never a stack trace", async () => {
    const post = (payload: Record<string, unknown>) =>
      app.inject({ method: "POST", url: "/analyses", payload });
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ scenario: "mini", colour: "red" }, 400, /Unrecognized key: "colour"/],
      [{ scenario: "mini", samples: "many" }, 400, /samples|number/],
      [{ scenario: "mini", seed: 3 }, 400, /seed: only with samples/],
      [{ scenario: "mini", samples: 6000 }, 422, /more than this server's limit of 5000/],
      [{ scenario: "mini", where: "ground=tanks" }, 400, /unknown option "tanks" of ground/],
      [{ scenario: "mini", set: ["nonsense.path=1"] }, 400, /neither a model parameter nor a path/],
      [
        { scenario: "mini", objective: "cheapest" },
        400,
        /body\.objective: Invalid option: expected one of "min-cost"\|"fair"\|"fewest"/,
      ],
      [{ scenario: "nobody" }, 404, /no scenario "nobody"/],
    ];
    for (const [payload, status, message] of cases) {
      const r = await post(payload);
      expect(r.statusCode, `${JSON.stringify(payload)} ${r.body}`).toBe(status);
      const { error, issues } = r.json() as { error: string; issues?: { path: string; message: string }[] };
      expect([error, ...(issues ?? []).map((i) => `${i.path}: ${i.message}`)].join("\n")).toMatch(message);
      noStack(r.body);
    }
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/analyses",
          headers: { "content-type": "application/json" },
          payload: "{not json",
        })
      ).statusCode,
    ).toBe(400);
    expect((await app.inject({ method: "GET", url: "/analyses/r0000000000000000" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/analyses/42" })).statusCode).toBe(400);
  });
});

describe("guarantor serve: one scheme", () => {
  const full = "commitment=treaty,ground=monitors,air=policing";
  it("POST /scenarios/{ref}/explain, coalition, mechanism and consensus answer the CLI's JSON", async () => {
    const post = (name: string, payload: Record<string, unknown>) =>
      app.inject({ method: "POST", url: `/scenarios/mini/${name}`, payload: { version: 1, ...payload } });
    const explain = await post("explain", { scheme: full });
    expect(explain.statusCode).toBe(200);
    const cliExplain = JSON.parse(
      (await runCli(["explain", "test/fixtures/mini.yaml", "--scheme", full, "--json"])).stdout,
    );
    expect({ ...explain.json(), file: "" }).toEqual({ ...cliExplain, file: "" });
    const coalition = await post("coalition", { scheme: full, objective: "fewest" });
    expect(coalition.statusCode).toBe(200);
    expect(coalition.json()).toHaveProperty("allocation");
    const mechanism = await post("mechanism", { scheme: full, compare: "ground=none" });
    expect(mechanism.statusCode).toBe(200);
    expect(mechanism.json()).toHaveProperty("reasons");
    const consensus = await post("consensus", { where: { air: "policing" }, top: 2 });
    expect(consensus.statusCode).toBe(200);
    const cliConsensus = JSON.parse(
      (
        await runCli([
          "consensus",
          "test/fixtures/mini.yaml",
          "--where",
          "air=policing",
          "--top",
          "2",
          "--json",
        ])
      ).stdout,
    );
    expect({ ...consensus.json(), file: "" }).toEqual({ ...cliConsensus, file: "" });
  });

  it("a partial or inconsistent scheme and an unknown field are 400s naming what is wrong", async () => {
    const r1 = await app.inject({
      method: "POST",
      url: "/scenarios/mini/explain",
      payload: { scheme: "commitment=treaty" },
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error).toMatch(/missing dimensions ground \(none \| monitors \| reassurance\), air/);
    const r2 = await app.inject({
      method: "POST",
      url: "/scenarios/mini/explain",
      payload: { scheme: "commitment=none,ground=monitors,air=none" },
    });
    expect(r2.json().error).toMatch(/breaks rule "no-troops-without-commitment"/);
    const r3 = await app.inject({
      method: "POST",
      url: "/scenarios/mini/mechanism",
      payload: { scheme: full, ladder: true },
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().issues[0].message).toMatch(/Unrecognized key: "ladder"/);
  });
});

describe("guarantor serve: limits", () => {
  it("a run can be cancelled, is stopped at the time limit, and a full server answers 503 with Retry-After", async () => {
    const dbFile = tempDb();
    const limited = await buildServer({
      db: dbFile,
      pool,
      maxActive: 1,
      timeLimitS: 60,
      maxSchemes: 1_000_000,
    });
    try {
      expect((await upload(limited, defaultScenarioText)).status).toBe(201);
      const start = await limited.inject({
        method: "POST",
        url: "/analyses",
        payload: { scenario: "ukraine-2025-08" },
      });
      expect(start.statusCode).toBe(202);
      const id = start.json().id;
      const full = await limited.inject({
        method: "POST",
        url: "/analyses",
        payload: { scenario: "ukraine-2025-08", objective: "fair" },
      });
      expect(full.statusCode).toBe(503);
      expect(full.headers["retry-after"]).toBe("5");
      expect((await limited.inject({ method: "GET", url: `/analyses/${id}/result` })).statusCode).toBe(409);
      const cancelled = await limited.inject({ method: "DELETE", url: `/analyses/${id}` });
      expect(cancelled.json()).toMatchObject({ id, status: "cancelled", error: "cancelled" });
      expect((await limited.inject({ method: "DELETE", url: `/analyses/${id}` })).statusCode).toBe(409);
      // A cancelled run is kept as such, and is not served as a result.
      expect((await limited.inject({ method: "GET", url: `/analyses/${id}/result` })).statusCode).toBe(409);
      const tooBig = await buildServer({ db: openStore(tempDb()), pool, maxSchemes: 10 });
      try {
        await upload(tooBig, MINI_TEXT);
        const r = await tooBig.inject({ method: "POST", url: "/analyses", payload: { scenario: "mini" } });
        expect(r.statusCode).toBe(422);
        expect(r.json()).toMatchObject({ schemes: 12, maxSchemes: 10 });
        expect(r.json().error).toMatch(
          /12 consistent schemes, more than this server's limit of 10.*narrow it with where/,
        );
        const ok = await tooBig.inject({
          method: "POST",
          url: "/analyses",
          payload: { scenario: "mini", where: "air=none" },
        });
        expect(ok.statusCode).toBe(202);
        await events(tooBig, ok.json().id);
      } finally {
        await tooBig.close();
      }
    } finally {
      await limited.close();
    }
    const timed = await buildServer({ db: tempDb(), pool, timeLimitS: 0.3 });
    try {
      await upload(timed, defaultScenarioText);
      const slow = await analyze(timed, { scenario: "ukraine-2025-08" });
      expect(slow).toMatchObject({
        status: "failed",
        error: "stopped at the server's time limit of 0.3 s per run (serve --time-limit)",
      });
    } finally {
      await timed.close();
    }
  });

  it("with a token every request needs it", async () => {
    const secured = await buildServer({ db: tempDb(), pool, token: "0123456789abcdef-secret" });
    try {
      const none = await secured.inject({ method: "GET", url: "/health" });
      expect(none.statusCode).toBe(401);
      expect(none.headers["www-authenticate"]).toBe("Bearer");
      const wrong = await secured.inject({
        method: "GET",
        url: "/openapi.json",
        headers: { authorization: "Bearer nope" },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await secured.inject({
        method: "GET",
        url: "/health",
        headers: { authorization: "Bearer 0123456789abcdef-secret" },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await secured.close();
    }
  });

  it("guarantor serve --port 0 listens on loopback, says where, and stops on SIGINT with exit 0", async () => {
    let stderr = "";
    const io = {
      stdout: () => {},
      stderr: (t: string) => {
        stderr += t;
      },
      stderrIsTTY: false,
      cwd: ROOT,
    };
    const db = tempDb();
    const done = main(["serve", "--port", "0", "--db", db, "--workers", "1"], io);
    while (!/listening on/.test(stderr)) await new Promise((w) => setTimeout(w, 50));
    const address = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1]!;
    expect(((await (await fetch(`${address}/health`)).json()) as { ok: boolean }).ok).toBe(true);
    process.emit("SIGINT");
    expect(await done).toBe(0);
    expect(stderr).toMatch(/stopping/);
    expect(openStore(db).schemaVersion).toBe(MIGRATIONS.length);
  });

  it("guarantor serve refuses another host than loopback without a token", async () => {
    const r = await runCli(["serve", "--host", "0.0.0.0", "--db", tempDb()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--host 0\.0\.0\.0 is reachable from other machines: give --token/);
  });
});
