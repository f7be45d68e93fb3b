/**
 * Debian's Chromium driven by playwright-core, as the browser tests and `npm run bench -- web` use it: headless,
 * no sandbox (root in CI), no background traffic, a fresh profile. Every request the page makes is recorded,
 * and so is every console error.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Browsing {
  context: BrowserContext;
  page: Page;
  /** Every URL requested by the page or its workers. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Launch Chromium with a fresh profile and open one page, recording requests and errors. */
export async function openBrowser(): Promise<Browsing> {
  const profile = mkdtempSync(join(tmpdir(), "guarantor-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1600, height: 1000 },
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return {
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
