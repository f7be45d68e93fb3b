/**
 * The web app as a user gets it: built by Vite into dist/web and served by `guarantor serve`'s app
 * (`buildServer`) on a free loopback port, over a SQLite file in a temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { buildServer } from "../../src/server/app.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Build the app from the sources (vite.config.ts), quietly. */
export async function buildWebApp(): Promise<void> {
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "error" });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Start the server on 127.0.0.1 with a fresh database; `close` stops it and removes the folder. */
export async function serveWebApp(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-web-"));
  const app = await buildServer({ db: join(dir, "guarantor.db"), workers: 1 });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
