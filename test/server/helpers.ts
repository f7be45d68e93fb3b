/** Helpers of the server tests: a temporary database, the fixtures, waiting for a run. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { FIXTURES } from "../helpers.js";

export const MINI_TEXT = readFileSync(join(FIXTURES, "mini.yaml"), "utf8");

/** A fresh folder for a test's SQLite file. */
export function tempDb(name = "guarantor.db"): string {
  return join(mkdtempSync(join(tmpdir(), "guarantor-serve-")), name);
}

/** Upload a scenario text; returns the response's JSON. */
export async function upload(app: FastifyInstance, text: string) {
  const r = await app.inject({
    method: "POST",
    url: "/scenarios",
    headers: { "content-type": "application/yaml" },
    payload: text,
  });
  return { status: r.statusCode, body: r.json() };
}

/** Follow a run's event stream to its end; returns the events (name and data). */
export async function events(app: FastifyInstance, id: string) {
  const r = await app.inject({ method: "GET", url: `/analyses/${id}/events` });
  return r.body
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const [event, data] = block.split("\n");
      return { event: event!.replace(/^event: /, ""), data: JSON.parse(data!.replace(/^data: /, "")) };
    });
}

/** Start an analysis and wait for it to end; returns its final status. */
export async function analyze(app: FastifyInstance, body: Record<string, unknown>) {
  const r = await app.inject({ method: "POST", url: "/analyses", payload: body });
  if (r.statusCode !== 200 && r.statusCode !== 202)
    throw new Error(`POST /analyses: ${r.statusCode} ${r.body}`);
  const { id } = r.json() as { id: string };
  await events(app, id);
  return (await app.inject({ method: "GET", url: `/analyses/${id}` })).json() as {
    id: string;
    status: string;
    cached: boolean;
    error: string | null;
  };
}
