/**
 * The page's side of the core's worker: requests as promises, and a "latest wins" lane so that when the
 * selection moves faster than the worker, only the newest request is computed. A preemptible client ends a
 * worker busy with a request that is no longer wanted (a long analysis) and starts a fresh one, opened on the
 * same scenario, for the newest.
 */
import type { Answer, Request } from "./protocol.js";

type Pending = { resolve: (a: unknown) => void; reject: (e: Error) => void };
type Queued = { req: Request; resolve: (a: unknown) => void; reject: (e: Error) => void };

export class CoreClient {
  private worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private busy: Queued | undefined;
  private queued: Queued | undefined;
  /** The last scenario opened, replayed into a fresh worker. */
  private opening: Request | undefined;

  constructor(private readonly preemptible = false) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<{ id: number; answer?: unknown; error?: string }>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (!p) return;
      if (e.data.error !== undefined) p.reject(new Error(e.data.error));
      else p.resolve(e.data.answer);
    };
    return w;
  }

  /** Send one request; answers come in order. */
  call<R extends Request>(req: R): Promise<Answer<R>> {
    if (req.kind === "open") this.opening = req;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: unknown) => void, reject });
      this.worker.postMessage({ id, req });
    });
  }

  /** Send a request unless a newer one arrives first; a superseded one resolves undefined. */
  latest<R extends Request>(req: R): Promise<Answer<R> | undefined> {
    return new Promise((resolve, reject) => {
      if (this.queued) this.queued.resolve(undefined);
      this.queued = { req, resolve: resolve as (a: unknown) => void, reject };
      if (this.busy && this.preemptible) this.preempt();
      this.pump();
    });
  }

  /** End the busy worker (its answer is no longer wanted) and start a fresh one on the same scenario. */
  private preempt(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.resolve(undefined);
    this.pending.clear();
    this.busy?.resolve(undefined);
    this.busy = undefined;
    this.worker = this.spawn();
    if (this.opening) void this.call(this.opening);
  }

  private pump(): void {
    if (this.busy || !this.queued) return;
    const job = this.queued;
    this.queued = undefined;
    this.busy = job;
    this.call(job.req)
      .then(job.resolve, job.reject)
      .finally(() => {
        if (this.busy !== job) return;
        this.busy = undefined;
        this.pump();
      });
  }
}
