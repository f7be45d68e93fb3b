/**
 * The store: every scenario uploaded and every finished run, in one SQLite file (better-sqlite3, WAL). A
 * scenario is kept by the hash of its canonical text, with its name (the scenario's own `id`), a version
 * per name and the text as given. A run is kept whole once it has ended, in one transaction: its key (the
 * scenario's hash, the options, the seed and the tool version) finds a finished run to serve instead of
 * computing it again.
 */
import Database from "better-sqlite3";
import { sha256 } from "./canonical.js";
/** The database file used when none is given: `guarantor.db` in the working folder. */
import { DEFAULT_DB_FILE } from "./defaults.js";
import { migrate } from "./migrations.js";

export { DEFAULT_DB_FILE };

/** A stored scenario version. */
export interface ScenarioRecord {
  /** SHA-256 of the canonical text: the scenario's content address. */
  id: string;
  /** The scenario's own id (`id:` in the file); versions are numbered per name. */
  name: string;
  version: number;
  title: string;
  createdAt: string;
}

/** A scenario version with its text as uploaded. */
export interface ScenarioWithText extends ScenarioRecord {
  text: string;
}

/** A scenario name with its latest version. */
export interface ScenarioSummary extends ScenarioRecord {
  versions: number;
}

export type RunStatus = "done" | "failed" | "cancelled";

/** A finished run, without its result. */
export interface RunRecord {
  id: string;
  key: string;
  scenario: string;
  /** The options as run (canonical JSON parsed back). */
  options: Record<string, unknown>;
  seed: number | null;
  toolVersion: string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string;
  durationMs: number;
  error: string | null;
}

/** A finished run with its result (JSON text), its Markdown report and its HTML report. */
export interface RunWithResult extends RunRecord {
  result: string | null;
  markdown: string | null;
  /** The self-contained HTML page (null for runs saved before the store kept it). */
  html: string | null;
}

/** What `saveRun` takes: a run record with its options as canonical JSON and, when done, its reports. */
export interface NewRun extends Omit<RunRecord, "options" | "error"> {
  /** Canonical JSON of the options. */
  options: string;
  result?: string;
  markdown?: string;
  html?: string;
  error?: string;
}

interface RunRow {
  id: string;
  key: string;
  scenario_hash: string;
  options: string;
  seed: number | null;
  tool_version: string;
  status: RunStatus;
  created_at: string;
  finished_at: string;
  duration_ms: number;
  error: string | null;
  result?: string | null;
  markdown?: string | null;
  html?: string | null;
  result_hash?: string | null;
}

interface ScenarioRow {
  hash: string;
  name: string;
  version: number;
  title: string;
  created_at: string;
  text?: string;
  versions?: number;
}

const RUN_COLUMNS =
  "id, key, scenario_hash, options, seed, tool_version, status, created_at, finished_at, duration_ms, error";

function scenarioOf(r: ScenarioRow): ScenarioRecord {
  return { id: r.hash, name: r.name, version: r.version, title: r.title, createdAt: r.created_at };
}

function runOf(r: RunRow): RunRecord {
  return {
    id: r.id,
    key: r.key,
    scenario: r.scenario_hash,
    options: JSON.parse(r.options) as Record<string, unknown>,
    seed: r.seed,
    toolVersion: r.tool_version,
    status: r.status,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    durationMs: r.duration_ms,
    error: r.error,
  };
}

/** A run whose stored result does not match its hash: the file was damaged outside SQLite. */
export class CorruptRunError extends Error {
  constructor(id: string) {
    super(`run ${id}: the stored result does not match its hash`);
    this.name = "CorruptRunError";
  }
}

/**
 * Scenarios and runs in one SQLite file. Opening creates the file and brings its schema up to date.
 * @example const store = openStore("guarantor.db"); store.addScenario(text, canonical, "ukraine", "…"); store.close();
 */
export class Store {
  readonly file: string;
  private readonly db: Database.Database;

  constructor(file: string = DEFAULT_DB_FILE) {
    this.file = file;
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    // WAL with synchronous=NORMAL is durable across process crashes (only a power loss can drop the last commits).
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    migrate(this.db);
  }

  /** Schema version (`PRAGMA user_version`). */
  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  /** `PRAGMA integrity_check`: "ok" when the file is sound. */
  integrityCheck(): string {
    return (this.db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join("\n");
  }

  /**
   * Keep a scenario version: the existing record when the canonical text is already stored, else a new
   * version of its name. One transaction.
   */
  addScenario(
    text: string,
    canonical: string,
    name: string,
    title: string,
    now = new Date().toISOString(),
  ): { scenario: ScenarioRecord; created: boolean } {
    const hash = sha256(canonical);
    return this.db
      .transaction(() => {
        const found = this.db
          .prepare<[string], ScenarioRow>(
            "SELECT hash, name, version, title, created_at FROM scenarios WHERE hash = ?",
          )
          .get(hash);
        if (found) return { scenario: scenarioOf(found), created: false };
        const { v } = this.db
          .prepare<[string], { v: number }>(
            "SELECT coalesce(max(version), 0) + 1 AS v FROM scenarios WHERE name = ?",
          )
          .get(name)!;
        this.db
          .prepare(
            "INSERT INTO scenarios (hash, name, version, title, text, canonical, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          )
          .run(hash, name, v, title, text, canonical, now);
        return { scenario: { id: hash, name, version: v, title, createdAt: now }, created: true };
      })
      .immediate();
  }

  /** A scenario version by hash, or by name (its latest version, or `version`). */
  scenario(ref: string, version?: number): ScenarioWithText | undefined {
    const cols = "hash, name, version, title, created_at, text";
    const row =
      version !== undefined
        ? this.db
            .prepare<[string, number], ScenarioRow>(
              `SELECT ${cols} FROM scenarios WHERE name = ? AND version = ?`,
            )
            .get(ref, version)
        : (this.db.prepare<[string], ScenarioRow>(`SELECT ${cols} FROM scenarios WHERE hash = ?`).get(ref) ??
          this.db
            .prepare<[string], ScenarioRow>(
              `SELECT ${cols} FROM scenarios WHERE name = ? ORDER BY version DESC LIMIT 1`,
            )
            .get(ref));
    return row ? { ...scenarioOf(row), text: row.text! } : undefined;
  }

  /** Every scenario name with its latest version, by name. */
  scenarios(): ScenarioSummary[] {
    return this.db
      .prepare<[], ScenarioRow>(
        `SELECT s.hash, s.name, s.version, s.title, s.created_at, n.versions FROM scenarios s
         JOIN (SELECT name, max(version) AS latest, count(*) AS versions FROM scenarios GROUP BY name) n
           ON s.name = n.name AND s.version = n.latest
         ORDER BY s.name`,
      )
      .all()
      .map((r) => ({ ...scenarioOf(r), versions: r.versions! }));
  }

  /** Every version of a scenario name, oldest first. */
  versions(name: string): ScenarioRecord[] {
    return this.db
      .prepare<[string], ScenarioRow>(
        "SELECT hash, name, version, title, created_at FROM scenarios WHERE name = ? ORDER BY version",
      )
      .all(name)
      .map(scenarioOf);
  }

  /** Keep a finished run, whole, in one transaction. A second finished run with the same key is refused. */
  saveRun(run: NewRun): void {
    if (run.status === "done" && (run.result === undefined || run.markdown === undefined))
      throw new Error(`run ${run.id}: a finished run needs its result and its report`);
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO runs (${RUN_COLUMNS}, result, markdown, html, result_hash)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            run.id,
            run.key,
            run.scenario,
            run.options,
            run.seed,
            run.toolVersion,
            run.status,
            run.createdAt,
            run.finishedAt,
            Math.round(run.durationMs),
            run.error ?? null,
            run.result ?? null,
            run.markdown ?? null,
            run.html ?? null,
            run.result === undefined ? null : sha256(run.result),
          );
      })
      .immediate();
  }

  /** The finished (done) run with this key, if one is stored. */
  runByKey(key: string): RunRecord | undefined {
    const row = this.db
      .prepare<[string], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE key = ? AND status = 'done'`)
      .get(key);
    return row ? runOf(row) : undefined;
  }

  /** A run by id, without its result. */
  run(id: string): RunRecord | undefined {
    const row = this.db.prepare<[string], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(id);
    return row ? runOf(row) : undefined;
  }

  /** A run by id with its result and report, checked against the result's hash (CorruptRunError). */
  runWithResult(id: string): RunWithResult | undefined {
    const row = this.db
      .prepare<[string], RunRow>(
        `SELECT ${RUN_COLUMNS}, result, markdown, html, result_hash FROM runs WHERE id = ?`,
      )
      .get(id);
    if (!row) return undefined;
    if (row.result != null && sha256(row.result) !== row.result_hash) throw new CorruptRunError(id);
    return {
      ...runOf(row),
      result: row.result ?? null,
      markdown: row.markdown ?? null,
      html: row.html ?? null,
    };
  }

  /** Runs, newest first: of one scenario (by hash) or all. */
  runs(scenario?: string, limit = 1000): RunRecord[] {
    const rows =
      scenario === undefined
        ? this.db
            .prepare<[number], RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, id LIMIT ?`)
            .all(limit)
        : this.db
            .prepare<[string, number], RunRow>(
              `SELECT ${RUN_COLUMNS} FROM runs WHERE scenario_hash = ? ORDER BY created_at DESC, id LIMIT ?`,
            )
            .all(scenario, limit);
    return rows.map(runOf);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Open (creating if needed) the store in `file`.
 * @example const store = openStore(); // ./guarantor.db
 */
export function openStore(file: string = DEFAULT_DB_FILE): Store {
  return new Store(file);
}
