/**
 * Runs of the server: started on the worker pool (off the request path), watched by progress events,
 * cancelled, stopped at a time limit, and saved whole to the store when they end. A run whose key (the
 * scenario's hash, the options, the seed, the tool version) is already stored as done is served from the
 * store; one with the same key still going is shared.
 */
import { randomBytes } from "node:crypto";
import { MessageChannel } from "node:worker_threads";
import type { TaskPool } from "../adapters/pool.js";
import { canonicalJson, type RunRecord, type Store, sha256 } from "../store/index.js";
import type { Job, JobOutcome } from "./jobs.js";
import { HttpError } from "./scenarios.js";

export type LiveStatus = "queued" | "running" | "done" | "failed" | "cancelled";

/** What a client sees of a run (the API's `Run`). */
export interface RunView {
  id: string;
  scenario: string;
  status: LiveStatus;
  options: Record<string, unknown>;
  seed: number | null;
  toolVersion: string;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  progress: { done: number; total: number } | null;
  error: string | null;
  cached: boolean;
}

/** An event of a run's stream: progress, then one final status. */
export type RunEvent =
  | { type: "progress"; done: number; total: number }
  | { type: "status"; status: LiveStatus; error: string | null };

interface LiveRun {
  view: RunView;
  key: string;
  controller: AbortController;
  listeners: Set<(e: RunEvent) => void>;
  started: number;
  /** Settles when the run has ended and been saved. */
  ended: Promise<void>;
}

export interface RunManagerOptions {
  pool: TaskPool;
  store: Store;
  toolVersion: string;
  /** Runs and one-scheme jobs queued or running at most; past it, 503 with Retry-After. */
  maxActive: number;
  /** Time limit of one job, ms, from when it is accepted. */
  timeLimitMs: number;
}

/** The run id: "r" and 16 random hex digits. */
const newRunId = () => `r${randomBytes(8).toString("hex")}`;

/** Seconds a client should wait before trying again when the server is full. */
export const RETRY_AFTER_S = 5;

export function viewOf(r: RunRecord, cached = false): RunView {
  return {
    id: r.id,
    scenario: r.scenario,
    status: r.status,
    options: r.options,
    seed: r.seed,
    toolVersion: r.toolVersion,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    durationMs: r.durationMs,
    progress: null,
    error: r.error,
    cached,
  };
}

/**
 * The server's runs. One-scheme commands (explain, coalition, mechanism, consensus) go through `job`: on the
 * same pool, under the same limits, but not stored.
 */
export class RunManager {
  private readonly live = new Map<string, LiveRun>();
  private readonly byKey = new Map<string, LiveRun>();
  private active = 0;
  private closing = false;

  constructor(private readonly o: RunManagerOptions) {}

  /** Jobs queued or running now. */
  get activeJobs(): number {
    return this.active;
  }

  /** The key of a run: SHA-256 of the scenario hash, the canonical options and the tool version. */
  keyOf(scenario: string, options: Record<string, unknown>): string {
    return sha256(canonicalJson({ scenario, options, tool: this.o.toolVersion }));
  }

  private admit(): void {
    if (this.closing) throw new HttpError(503, "the server is shutting down", {}, { "retry-after": "60" });
    if (this.active >= this.o.maxActive)
      throw new HttpError(
        503,
        `the server is running ${this.active} jobs, its limit (serve --max-active); try again later`,
        {},
        { "retry-after": String(RETRY_AFTER_S) },
      );
  }

  /** Run one job on the pool within the time limit; the pool's worker is stopped on abort. */
  private async runOnPool(job: Job, signal: AbortSignal, onProgress?: (done: number, total: number) => void) {
    this.active++;
    let channel: MessageChannel | undefined;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new TimeLimitError(this.o.timeLimitMs)),
      this.o.timeLimitMs,
    );
    const forward = () => controller.abort(signal.reason);
    signal.addEventListener("abort", forward, { once: true });
    try {
      if (onProgress) {
        channel = new MessageChannel();
        channel.port1.on("message", ([done, total]: [number, number]) => onProgress(done, total));
      }
      return await this.o.pool.run(
        "job",
        channel ? { job, progress: channel.port2 } : { job },
        channel
          ? { signal: controller.signal, transferList: [channel.port2] }
          : { signal: controller.signal },
      );
    } catch (e) {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw e;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", forward);
      channel?.port1.close();
      this.active--;
    }
  }

  /**
   * A one-scheme command's answer (JSON text). Errors: HttpError 400 for bad arguments, 503 when full, 504 past
   * the time limit.
   */
  async job(job: Job, signal: AbortSignal = new AbortController().signal): Promise<string> {
    this.admit();
    let out: JobOutcome;
    try {
      out = await this.runOnPool(job, signal);
    } catch (e) {
      if (e instanceof TimeLimitError) throw new HttpError(504, e.message);
      if (signal.aborted) throw new HttpError(499, "the client went away");
      throw e;
    }
    if (!out.ok) throw new HttpError(400, out.error, out.diagnostics ? { diagnostics: out.diagnostics } : {});
    return out.json;
  }

  /**
   * Start an analysis (or find it): a stored done run with the same key, the live run with that key, or a
   * new run queued on the pool.
   */
  start(scenario: string, options: Record<string, unknown>, seed: number | null, job: Job): RunView {
    const found = this.existing(scenario, options);
    if (found) return found;
    const key = this.keyOf(scenario, options);
    this.admit();
    const run: LiveRun = {
      view: {
        id: newRunId(),
        scenario,
        status: "queued",
        options: JSON.parse(canonicalJson(options)) as Record<string, unknown>,
        seed,
        toolVersion: this.o.toolVersion,
        createdAt: new Date().toISOString(),
        finishedAt: null,
        durationMs: null,
        progress: null,
        error: null,
        cached: false,
      },
      key,
      controller: new AbortController(),
      listeners: new Set(),
      started: performance.now(),
      ended: Promise.resolve(),
    };
    this.live.set(run.view.id, run);
    this.byKey.set(key, run);
    run.ended = this.execute(run, job);
    return run.view;
  }

  /** The stored done run with this key (`cached: true`), or the live one, or undefined. */
  existing(scenario: string, options: Record<string, unknown>): RunView | undefined {
    const key = this.keyOf(scenario, options);
    const stored = this.o.store.runByKey(key);
    if (stored) return viewOf(stored, true);
    return this.byKey.get(key)?.view;
  }

  private emit(run: LiveRun, e: RunEvent): void {
    for (const l of run.listeners) l(e);
  }

  private async execute(run: LiveRun, job: Job): Promise<void> {
    let out: JobOutcome | undefined;
    let status: "done" | "failed" | "cancelled" = "failed";
    let error: string | null = null;
    try {
      out = await this.runOnPool(job, run.controller.signal, (done, total) => {
        if (run.view.status === "queued") {
          run.view.status = "running";
          this.emit(run, { type: "status", status: "running", error: null });
        }
        run.view.progress = { done, total };
        this.emit(run, { type: "progress", done, total });
      });
      if (out.ok) status = "done";
      else error = out.error;
    } catch (e) {
      if (e instanceof TimeLimitError) error = e.message;
      else if (run.controller.signal.aborted) {
        status = "cancelled";
        error = "cancelled";
      } else error = "the analysis failed inside the server (see the server's log)";
      if (!(e instanceof TimeLimitError) && !run.controller.signal.aborted) console.error(e);
    }
    const finishedAt = new Date().toISOString();
    const durationMs = Math.round(performance.now() - run.started);
    try {
      this.o.store.saveRun({
        id: run.view.id,
        key: run.key,
        scenario: run.view.scenario,
        options: canonicalJson(run.view.options),
        seed: run.view.seed,
        toolVersion: this.o.toolVersion,
        status,
        createdAt: run.view.createdAt,
        finishedAt,
        durationMs,
        ...(out?.ok
          ? { result: out.json, markdown: out.markdown ?? "", ...(out.html ? { html: out.html } : {}) }
          : {}),
        ...(error !== null ? { error } : {}),
      });
    } catch (e) {
      // The store is closed (shutting down) or full: the run is lost, and says so while the server lives.
      console.error(e);
      status = "failed";
      error = "the run could not be saved";
    }
    Object.assign(run.view, { status, error, finishedAt, durationMs });
    this.live.delete(run.view.id);
    this.byKey.delete(run.key);
    this.emit(run, { type: "status", status, error });
    run.listeners.clear();
  }

  /** A run by id: live, or from the store. */
  view(id: string): RunView | undefined {
    const live = this.live.get(id);
    if (live) return live.view;
    const stored = this.o.store.run(id);
    return stored ? viewOf(stored) : undefined;
  }

  /** Runs not yet ended, of one scenario or all. */
  liveRuns(scenario?: string): RunView[] {
    return [...this.live.values()]
      .map((r) => r.view)
      .filter((v) => scenario === undefined || v.scenario === scenario);
  }

  /** Listen to a live run's events; returns the unsubscribe, or undefined when the run is not live. */
  subscribe(id: string, listener: (e: RunEvent) => void): (() => void) | undefined {
    const run = this.live.get(id);
    if (!run) return undefined;
    run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  /** Cancel a live run; resolves once it is saved as cancelled. False when no such run is going. */
  async cancel(id: string): Promise<boolean> {
    const run = this.live.get(id);
    if (!run) return false;
    run.controller.abort(new Error("cancelled"));
    await run.ended;
    return true;
  }

  /** Refuse new work, cancel what is going and wait for it to be saved. */
  async close(): Promise<void> {
    this.closing = true;
    const runs = [...this.live.values()];
    for (const r of runs) r.controller.abort(new Error("cancelled"));
    await Promise.all(runs.map((r) => r.ended));
  }
}

/** A job stopped at the server's time limit. */
export class TimeLimitError extends Error {
  constructor(ms: number) {
    super(`stopped at the server's time limit of ${ms / 1000} s per run (serve --time-limit)`);
    this.name = "TimeLimitError";
  }
}
