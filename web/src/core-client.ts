/**
 * The page's side of the core's worker: requests as promises, and a "latest wins" lane so that when the
 * selection moves faster than the worker, only the newest request is computed.
 */
import type { Answer, Request } from "./protocol.js";

type Pending = { resolve: (a: unknown) => void; reject: (e: Error) => void };

export class CoreClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private busy = false;
  private queued: { req: Request; resolve: (a: unknown) => void; reject: (e: Error) => void } | undefined;

  constructor() {
    this.worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (e: MessageEvent<{ id: number; answer?: unknown; error?: string }>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (!p) return;
      if (e.data.error !== undefined) p.reject(new Error(e.data.error));
      else p.resolve(e.data.answer);
    };
  }

  /** Send one request; answers come in order. */
  call<R extends Request>(req: R): Promise<Answer<R>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: unknown) => void, reject });
      this.worker.postMessage({ id, req });
    });
  }

  /** Send a request unless a newer one arrives while the worker is busy; a superseded one resolves undefined. */
  latest<R extends Request>(req: R): Promise<Answer<R> | undefined> {
    return new Promise((resolve, reject) => {
      if (this.queued) this.queued.resolve(undefined);
      this.queued = { req, resolve: resolve as (a: unknown) => void, reject };
      this.pump();
    });
  }

  private pump(): void {
    if (this.busy || !this.queued) return;
    const { req, resolve, reject } = this.queued;
    this.queued = undefined;
    this.busy = true;
    this.call(req)
      .then(resolve, reject)
      .finally(() => {
        this.busy = false;
        this.pump();
      });
  }
}
