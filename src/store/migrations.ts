/**
 * The store's schema, as numbered migrations: migration i takes a database at `PRAGMA user_version` i to
 * i + 1, in one transaction with the version bump. A database newer than this code is refused, not altered.
 */
import type { Database } from "better-sqlite3";

export const MIGRATIONS: readonly string[] = [
  // 1: scenarios (content-addressed, versioned by name) and finished runs.
  `CREATE TABLE scenarios (
     hash TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     version INTEGER NOT NULL,
     title TEXT NOT NULL,
     text TEXT NOT NULL,
     canonical TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (name, version)
   ) STRICT;
   CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     key TEXT NOT NULL,
     scenario_hash TEXT NOT NULL REFERENCES scenarios (hash),
     options TEXT NOT NULL,
     seed INTEGER,
     tool_version TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('done', 'failed', 'cancelled')),
     created_at TEXT NOT NULL,
     finished_at TEXT NOT NULL,
     duration_ms INTEGER NOT NULL,
     result TEXT,
     markdown TEXT,
     result_hash TEXT,
     error TEXT,
     CHECK (status <> 'done' OR (result IS NOT NULL AND markdown IS NOT NULL AND result_hash IS NOT NULL))
   ) STRICT;
   CREATE UNIQUE INDEX runs_done_key ON runs (key) WHERE status = 'done';
   CREATE INDEX runs_by_scenario ON runs (scenario_hash, created_at);`,
  // 2: the HTML report of a finished run (runs saved before it have none).
  "ALTER TABLE runs ADD COLUMN html TEXT;",
];

/** Bring a database to the latest schema; returns the version it is at. */
export function migrate(db: Database): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length)
    throw new Error(
      `the database is at schema version ${current}, newer than this Guarantor (${MIGRATIONS.length}): upgrade Guarantor`,
    );
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return MIGRATIONS.length;
}
