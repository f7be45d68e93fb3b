import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  CorruptRunError,
  canonicalJson,
  diffRuns,
  MIGRATIONS,
  type NewRun,
  openStore,
  sha256,
} from "../../src/store/index.js";
import { tempDb } from "./helpers.js";

const run = (over: Partial<NewRun> = {}): NewRun => ({
  id: "r0123456789abcdef",
  key: "k1",
  scenario: "",
  options: canonicalJson({ objective: "min-cost" }),
  seed: null,
  toolVersion: "0.1.0",
  status: "done",
  createdAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:00:01.000Z",
  durationMs: 1000,
  result: '{"answers":[]}',
  markdown: "# report",
  ...over,
});

describe("the store (SQLite)", () => {
  it("openStore creates the file in WAL mode at the latest schema version; a newer file is refused", () => {
    const file = tempDb();
    const store = openStore(file);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    store.close();
    const raw = new Database(file);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(
      new RegExp(
        `schema version ${MIGRATIONS.length + 1}, newer than this Guarantor \\(${MIGRATIONS.length}\\)`,
      ),
    );
  });

  it("a database at schema version 1 is migrated in place: its runs are kept and have no HTML report", () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0]!);
    raw.pragma("user_version = 1");
    raw
      .prepare(
        "INSERT INTO scenarios VALUES ('h', 'mini', 1, 'Mini', 'text', 'canonical', '2026-01-01T00:00:00Z')",
      )
      .run();
    raw
      .prepare(
        `INSERT INTO runs (id, key, scenario_hash, options, seed, tool_version, status, created_at, finished_at,
           duration_ms, result, markdown, result_hash, error)
         VALUES ('r1', 'k1', 'h', '{}', NULL, '0.1.0', 'done', 'a', 'b', 5, '{}', '# old', ?, NULL)`,
      )
      .run(sha256("{}"));
    raw.close();
    const store = openStore(file);
    try {
      expect(store.schemaVersion).toBe(MIGRATIONS.length);
      const old = store.runWithResult("r1")!;
      expect(old.markdown).toBe("# old");
      expect(old.html).toBeNull();
      store.saveRun(run({ id: "r2", key: "k2", scenario: "h", html: "<!doctype html><p>page</p>" }));
      expect(store.runWithResult("r2")!.html).toBe("<!doctype html><p>page</p>");
    } finally {
      store.close();
    }
  });

  it("canonicalJson(value) sorts keys at every level, so key order does not change a hash", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: undefined, e: null }] })).toBe(
      '{"a":[2,{"d":3,"e":null}],"b":1}',
    );
  });

  it("addScenario keeps one record per canonical text and numbers the versions of a name", () => {
    const store = openStore(tempDb());
    const a = store.addScenario("id: x # v1", '{"id":"x","n":1}', "x", "X");
    const again = store.addScenario("id: x", '{"id":"x","n":1}', "x", "X");
    const b = store.addScenario("id: x # v2", '{"id":"x","n":2}', "x", "X two");
    expect([a.created, again.created, b.created]).toEqual([true, false, true]);
    expect(again.scenario).toEqual(a.scenario);
    expect(b.scenario.version).toBe(2);
    expect(store.scenario("x")!.id).toBe(b.scenario.id);
    expect(store.scenario("x", 1)!.text).toBe("id: x # v1");
    expect(store.versions("x").map((v) => v.title)).toEqual(["X", "X two"]);
    store.close();
  });

  it("saveRun keeps a run whole: a done run without its result, or a second done run with one key, is refused", () => {
    const store = openStore(tempDb());
    const s = store.addScenario("t", "{}", "x", "X").scenario;
    store.saveRun(run({ scenario: s.id }));
    expect(store.runByKey("k1")!.id).toBe("r0123456789abcdef");
    expect(() => store.saveRun(run({ id: "r1111111111111111", scenario: s.id }))).toThrow(/UNIQUE/);
    expect(() =>
      store.saveRun(run({ id: "r2222222222222222", key: "k2", scenario: s.id, result: undefined })),
    ).toThrow(/needs its result/);
    // A failed run with the same key is kept beside it, and never served as a result.
    store.saveRun(
      run({
        id: "r3333333333333333",
        scenario: s.id,
        status: "failed",
        result: undefined,
        markdown: undefined,
        error: "x",
      }),
    );
    expect(
      store
        .runs(s.id)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["r0123456789abcdef", "r3333333333333333"]);
    expect(() => store.saveRun(run({ id: "r4444444444444444", key: "k4", scenario: "missing" }))).toThrow(
      /FOREIGN KEY/,
    );
    store.close();
  });

  it("runWithResult refuses a result changed outside the store (its hash no longer matches)", () => {
    const file = tempDb();
    const store = openStore(file);
    const s = store.addScenario("t", "{}", "x", "X").scenario;
    store.saveRun(run({ scenario: s.id }));
    const raw = new Database(file);
    raw.prepare("UPDATE runs SET result = '{\"answers\":[1]}'").run();
    raw.close();
    expect(() => store.runWithResult("r0123456789abcdef")).toThrow(CorruptRunError);
    store.close();
  });

  it("diffRuns(a, b) lists what changed per answer, with the options and the focus scheme", () => {
    const base = {
      counts: { feasible: 3 },
      focus: { scheme: { ground: "none" } },
      answers: [
        { id: 1, n: 1 },
        { id: 2, n: 1 },
      ],
    };
    const other = {
      counts: { feasible: 3 },
      focus: { scheme: { ground: "monitors" } },
      answers: [
        { id: 1, n: 1 },
        { id: 2, n: 5 },
      ],
    };
    const d = diffRuns(
      { id: "a", options: { seed: 1 }, result: base },
      { id: "b", options: { seed: 2 }, result: other },
    );
    expect(d.changed).toEqual(["acceptability"]);
    expect(d.options).toEqual([{ path: "seed", a: 1, b: 2 }]);
    expect(d.focus).toEqual([{ path: "ground", a: "none", b: "monitors" }]);
    expect(d.parts[2]).toEqual({
      part: "acceptability",
      changed: true,
      changes: [{ path: "answers[1].n", a: 1, b: 5 }],
      more: 0,
    });
  });
});
