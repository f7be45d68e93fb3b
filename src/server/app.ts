/**
 * The HTTP API (Fastify 5): scenarios, analyses and the one-scheme commands, over the store and the worker
 * pool. Request and response schemas are zod (src/server/schemas.ts); the OpenAPI 3.1 description at
 * /openapi.json and the reference at /docs are generated from them. `buildServer` returns the Fastify
 * instance before it listens, so that tests inject requests and other parts (a web app) add routes.
 */
import { timingSafeEqual } from "node:crypto";
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { createTaskPool, defaultWorkers, type TaskPool } from "../adapters/pool.js";
import { CorruptRunError, diffRuns, openStore, type Store, sha256 } from "../store/index.js";
import { DEFAULT_SEED } from "../uncertainty/index.js";
import type { Job } from "./jobs.js";
import { type OpenApiDoc, referenceHtml } from "./reference.js";
import { RunManager, type RunView, viewOf } from "./runs.js";
import {
  canonicalWhere,
  checkSpace,
  HttpError,
  type SettledRequest,
  settle,
  storedScenario,
  uploadScenario,
} from "./scenarios.js";
import * as S from "./schemas.js";
import { registerWebApp } from "./web-app.js";

/** The version of Guarantor (package.json), part of every run's key. */
export const TOOL_VERSION: string = (
  createRequire(import.meta.url)("../../package.json") as { version: string }
).version;

export interface ServerOptions {
  /** The SQLite file (default ./guarantor.db), or an open store. */
  db?: string | Store;
  /** Required as `Authorization: Bearer <token>` on every request when set. */
  token?: string;
  /** Worker threads for the jobs (default: one per core). Ignored when `pool` is given. */
  workers?: number;
  /** A pool to run the jobs on (default: a new one, destroyed on close). */
  pool?: TaskPool;
  /** Largest request body, bytes (default 2 MiB: the flagship scenario is 0.2 MiB). */
  bodyLimit?: number;
  /** Most consistent schemes one request may cover (default 2,000,000; the flagship has 945,200). */
  maxSchemes?: number;
  /** Most Monte-Carlo draws one analysis may ask for (default 10,000). */
  maxSamples?: number;
  /** Jobs queued or running at most; past it, 503 with Retry-After (default 32 per worker). */
  maxActive?: number;
  /** Time limit of one job, seconds from when it is accepted, queueing included (default 600). */
  timeLimitS?: number;
  /** Fastify's logger (default off). */
  logger?: boolean;
}

/** What `buildServer` adds to the Fastify instance. */
export interface GuarantorServer {
  store: Store;
  runs: RunManager;
}

declare module "fastify" {
  interface FastifyInstance {
    guarantor: GuarantorServer;
  }
}

const zodIssues = (e: FastifyError) =>
  (e.validation ?? []).map((v) => {
    const path = v.instancePath.split("/").filter(Boolean).join(".");
    return {
      path: `${e.validationContext ?? "body"}${path ? `.${path}` : ""}`,
      message: v.message ?? "invalid",
    };
  });

function sameToken(given: string, expected: string): boolean {
  // Hashes have one length, so the comparison takes the same time whatever the token given.
  return timingSafeEqual(Buffer.from(sha256(given), "hex"), Buffer.from(sha256(expected), "hex"));
}

const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/plain"];

/**
 * Build the API server (not listening yet: call `listen`, or `inject` in tests). Closing it cancels the live
 * runs, stops the pool it made and closes the store it opened.
 * @example const app = await buildServer({ db: "guarantor.db" }); await app.listen({ port: 8080, host: "127.0.0.1" });
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? 2 * 1024 * 1024;
  const maxSchemes = options.maxSchemes ?? 2_000_000;
  const maxSamples = options.maxSamples ?? 10_000;
  const store = typeof options.db === "object" ? options.db : openStore(options.db);
  const pool = options.pool ?? createTaskPool(options.workers ? { workers: options.workers } : {});
  const runs = new RunManager({
    pool,
    store,
    toolVersion: TOOL_VERSION,
    maxActive: options.maxActive ?? 32 * (options.workers ?? defaultWorkers()),
    timeLimitMs: (options.timeLimitS ?? 600) * 1000,
  });

  const app = Fastify({ logger: options.logger ?? false, bodyLimit, return503OnClosing: true });
  app.decorate("guarantor", { store, runs });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser(YAML_TYPES, { parseAs: "string", bodyLimit }, (_req, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.status).headers(error.headers).send(error.body);
    if (error.validation)
      return reply
        .code(400)
        .send({ error: "the request does not match its schema", issues: zodIssues(error) });
    if (error instanceof CorruptRunError) {
      request.log.error(error);
      return reply.code(500).send({ error: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
    // Anything else is a bug: logged, and answered without its details.
    console.error(error);
    return reply.code(500).send({ error: "internal error (see the server's log)" });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split("?")[0]}` }),
  );
  if (options.token !== undefined) {
    const token = options.token;
    app.addHook("onRequest", async (request, reply) => {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (given === undefined || !sameToken(given, token))
        return reply
          .code(401)
          .header("www-authenticate", "Bearer")
          .send({ error: "this server needs its token: Authorization: Bearer <token>" });
    });
  }
  app.addHook("onClose", async () => {
    await runs.close();
    if (!options.pool) await pool.destroy();
    if (typeof options.db !== "object") store.close();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Guarantor API",
        version: TOOL_VERSION,
        description:
          "Design and test security guarantee schemes over HTTP: upload scenarios, run analyses (kept in SQLite and served again for the same scenario, options, seed and tool version), and the one-scheme commands of the CLI. A server bound to another host than loopback needs `Authorization: Bearer <token>` on every request.",
      },
      components: { securitySchemes: { token: { type: "http", scheme: "bearer" } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, S.ErrorBody]));
  const versionOf = (q: { version?: number | undefined }) => q.version;
  /** What every job takes from a settled request. */
  const jobBase = (s: SettledRequest) => ({ scenario: s.c.scenario, file: s.c.file, overrides: s.overrides });

  api.get(
    "/health",
    {
      schema: {
        summary: "Liveness, version and schema version",
        tags: ["server"],
        response: { 200: S.Health },
      },
    },
    async () => ({ ok: true as const, version: TOOL_VERSION, schema: store.schemaVersion }),
  );
  api.get(
    "/openapi.json",
    { schema: { summary: "This API's OpenAPI 3.1 description", tags: ["server"], hide: true } },
    async (_req, reply) => reply.type("application/json").send(JSON.stringify(app.swagger())),
  );
  api.get("/docs", { schema: { hide: true } }, async (_req, reply) =>
    reply.type("text/html; charset=utf-8").send(referenceHtml(app.swagger() as OpenApiDoc)),
  );

  // Scenarios.
  api.post(
    "/scenarios",
    {
      schema: {
        summary: "Upload a scenario",
        description:
          "The body is the scenario's YAML (or JSON) text, as `application/yaml`. It is validated as `guarantor validate` does; errors come back located (file:line:col, field path). A text whose canonical form is already stored returns that version (200); else a new version of its name is kept (201).",
        tags: ["scenarios"],
        consumes: ["application/yaml"],
        body: z.string().min(1).describe("the scenario's YAML text"),
        response: { 200: S.Uploaded, 201: S.Uploaded, ...errors(400, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const out = uploadScenario(store, request.body);
      return reply
        .code(out.created ? 201 : 200)
        .header("location", `/scenarios/${out.id}`)
        .send(out);
    },
  );
  api.get(
    "/scenarios",
    {
      schema: {
        summary: "List scenarios",
        description: "Every scenario name with its latest version.",
        tags: ["scenarios"],
        response: { 200: z.array(S.ScenarioSummary) },
      },
    },
    async () => store.scenarios(),
  );
  const ScenarioParams = z.strictObject({ ref: S.ScenarioRef });
  api.get(
    "/scenarios/:ref",
    {
      schema: {
        summary: "Get a scenario with its text",
        description: "By hash, or by name: its latest version, or `?version=N`.",
        tags: ["scenarios"],
        params: ScenarioParams,
        querystring: S.ScenarioQuery,
        response: { 200: S.ScenarioWithText, ...errors(400, 404) },
      },
    },
    async (request) => storedScenario(store, request.params.ref, versionOf(request.query)),
  );
  api.get(
    "/scenarios/:ref/versions",
    {
      schema: {
        summary: "A scenario's history",
        description: "Every version of the scenario's name, oldest first.",
        tags: ["scenarios"],
        params: ScenarioParams,
        response: { 200: z.array(S.Scenario), ...errors(400, 404) },
      },
    },
    async (request) => store.versions(storedScenario(store, request.params.ref).name),
  );
  api.get(
    "/scenarios/:ref/analyses",
    {
      schema: {
        summary: "Runs of a scenario",
        description: "The runs of one scenario version, live ones first, then the stored ones newest first.",
        tags: ["analyses"],
        params: ScenarioParams,
        querystring: S.ScenarioQuery,
        response: { 200: z.array(S.Run), ...errors(400, 404) },
      },
    },
    async (request) => {
      const rec = storedScenario(store, request.params.ref, versionOf(request.query));
      return listRuns(runs, store, rec.id);
    },
  );

  // Analyses.
  api.post(
    "/analyses",
    {
      schema: {
        summary: "Start an analysis",
        description:
          "Runs `guarantor analyze` on a stored scenario in the worker pool. A finished run with the same scenario, options, seed and tool version is answered from the store (200, `cached: true`); else the run is queued (202) and watched at `/analyses/{id}` or `/analyses/{id}/events`. A request covering more schemes or draws than the server allows is refused (422); a full server answers 503 with Retry-After.",
        tags: ["analyses"],
        body: S.StartAnalysis,
        response: { 200: S.Run, 202: S.Run, ...errors(400, 404, 413, 422, 503) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      if (b.seed !== undefined && b.samples === undefined)
        throw new HttpError(400, "seed: only with samples (the draws it seeds)");
      if (b.samples !== undefined && b.samples > maxSamples)
        throw new HttpError(
          422,
          `samples: ${b.samples} draws, more than this server's limit of ${maxSamples} (serve --max-samples)`,
        );
      const rec = storedScenario(store, b.scenario, b.version);
      const where = canonicalWhere(b.where);
      const objective = b.objective ?? "min-cost";
      const seed = b.samples === undefined ? null : (b.seed ?? DEFAULT_SEED);
      const runOptions = {
        objective,
        where: where ?? null,
        set: b.set ?? [],
        samples: b.samples ?? null,
        seed,
      };
      const answer = (view: RunView) =>
        reply
          .code(view.status === "done" ? 200 : 202)
          .header("location", `/analyses/${view.id}`)
          .send(view);
      // A run with this key is answered before the scenario is settled and its space counted (ms per request).
      const found = runs.existing(rec.id, runOptions);
      if (found) return answer(found);
      const s = settle(rec, b.set);
      checkSpace(s.c, where, maxSchemes);
      const view = runs.start(rec.id, runOptions, seed, {
        kind: "analyze",
        ...jobBase(s),
        objective,
        settings: s.settings,
        ...(where !== undefined ? { where } : {}),
        ...(b.samples !== undefined ? { samples: b.samples, seed: seed! } : {}),
        scenarioSha256: sha256(rec.text),
      });
      return answer(view);
    },
  );
  api.get(
    "/analyses",
    {
      schema: {
        summary: "List runs",
        description: "Every run, live ones first, then the stored ones newest first (at most 1,000).",
        tags: ["analyses"],
        response: { 200: z.array(S.Run) },
      },
    },
    async () => listRuns(runs, store),
  );
  const RunParams = z.strictObject({ id: S.RunId });
  const runOr404 = (id: string): RunView => {
    const v = runs.view(id);
    if (!v) throw new HttpError(404, `no run "${id}"`);
    return v;
  };
  const finished = (id: string) => {
    const v = runOr404(id);
    if (v.status === "queued" || v.status === "running")
      throw new HttpError(409, `run ${id} is ${v.status}; its result is there when it is done`);
    const r = store.runWithResult(id)!;
    if (r.status !== "done" || r.result === null)
      throw new HttpError(409, `run ${id} ${r.status}: ${r.error}`);
    return r;
  };
  api.get(
    "/analyses/:id",
    {
      schema: {
        summary: "A run's status",
        tags: ["analyses"],
        params: RunParams,
        response: { 200: S.Run, ...errors(400, 404) },
      },
    },
    async (request) => runOr404(request.params.id),
  );
  api.get(
    "/analyses/:id/result",
    {
      schema: {
        summary: "A run's result as JSON",
        description:
          "The JSON of `guarantor analyze --json`: scenario, run, counts, frontier, focus, the eight answers, and `uncertainty` when samples were asked for. 409 while the run is going or when it did not finish.",
        tags: ["analyses"],
        params: RunParams,
        response: {
          200: {
            description: "the analysis",
            content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
          },
          ...errors(400, 404, 409),
        },
      },
    },
    async (request, reply) => sendRaw(reply, "application/json", finished(request.params.id).result!),
  );
  api.get(
    "/analyses/:id/report.md",
    {
      schema: {
        summary: "A run's report as Markdown",
        description: "The report of `guarantor analyze --md`.",
        tags: ["analyses"],
        params: RunParams,
        response: {
          200: { description: "the report", content: { "text/markdown": { schema: z.string() } } },
          ...errors(400, 404, 409),
        },
      },
    },
    async (request, reply) =>
      sendRaw(reply, "text/markdown; charset=utf-8", finished(request.params.id).markdown!),
  );
  api.get(
    "/analyses/:id/report.html",
    {
      schema: {
        summary: "A run's report as one HTML page",
        description:
          "The page of `guarantor analyze --html`: self-contained (inline CSS and SVG, no script, nothing fetched), with the map, the charts and the eight answers. 404 for a run saved before the store kept HTML reports.",
        tags: ["analyses"],
        params: RunParams,
        response: {
          200: { description: "the page", content: { "text/html": { schema: z.string() } } },
          ...errors(400, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { html } = finished(request.params.id);
      if (html === null)
        throw new HttpError(
          404,
          `run ${request.params.id} was saved without an HTML report (before the store kept them)`,
        );
      return sendRaw(reply, "text/html; charset=utf-8", html);
    },
  );
  api.get(
    "/analyses/:id/events",
    {
      schema: {
        summary: "A run's progress, as server-sent events",
        description:
          "`event: progress` with `{done, total}` schemes while the pass runs, then one `event: status` with `{status, error}` when the run ends, and the stream closes. A run already ended sends its status at once.",
        tags: ["analyses"],
        params: RunParams,
        response: {
          200: { description: "the event stream", content: { "text/event-stream": { schema: z.string() } } },
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const v = runOr404(request.params.id);
      const stream = new PassThrough();
      const send = (event: string, data: unknown) =>
        stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const end = (status: string, error: string | null) => {
        send("status", { status, error });
        stream.end();
      };
      send("status", { status: v.status, error: v.error });
      if (v.progress) send("progress", v.progress);
      const unsubscribe = runs.subscribe(v.id, (e) => {
        if (e.type === "progress") send("progress", { done: e.done, total: e.total });
        else if (e.status !== "running") {
          unsubscribe?.();
          end(e.status, e.error);
        } else send("status", { status: e.status, error: e.error });
      });
      if (!unsubscribe) stream.end();
      // The response's close: the stream ended, or the client went away.
      reply.raw.on("close", () => {
        unsubscribe?.();
        stream.end();
      });
      reply.header("cache-control", "no-cache").header("x-accel-buffering", "no");
      return sendRaw(reply, "text/event-stream", stream);
    },
  );
  api.delete(
    "/analyses/:id",
    {
      schema: {
        summary: "Cancel a run",
        description:
          "Stops a queued or running run (its worker is stopped) and keeps it as cancelled. 409 when it has ended.",
        tags: ["analyses"],
        params: RunParams,
        response: { 200: S.Run, ...errors(400, 404, 409) },
      },
    },
    async (request) => {
      const id = request.params.id;
      runOr404(id);
      if (!(await runs.cancel(id))) throw new HttpError(409, `run ${id} has already ended`);
      return runOr404(id);
    },
  );
  api.get(
    "/analyses/:id/compare/:other",
    {
      schema: {
        summary: "Compare two runs",
        description:
          "Which answers changed between two finished runs and how: every value that differs, by its path (the first 20 per part, the rest counted), the focus scheme's dimensions and the options.",
        tags: ["analyses"],
        params: z.strictObject({ id: S.RunId, other: S.RunId }),
        response: { 200: S.RunDiff, ...errors(400, 404, 409) },
      },
    },
    async (request) => {
      const [a, b] = [finished(request.params.id), finished(request.params.other)];
      return diffRuns(
        { id: a.id, options: a.options, result: JSON.parse(a.result!) },
        { id: b.id, options: b.options, result: JSON.parse(b.result!) },
      );
    },
  );

  // The one-scheme commands.
  const oneScheme = <B extends z.ZodType>(
    name: "explain" | "coalition" | "mechanism" | "consensus",
    summary: string,
    body: B,
    job: (b: z.infer<B>, s: SettledRequest) => Job,
  ) =>
    api.post(
      `/scenarios/:ref/${name}`,
      {
        schema: {
          summary,
          description: `The JSON of \`guarantor ${name} --json\` on a stored scenario, computed in the worker pool.`,
          tags: ["one scheme"],
          params: ScenarioParams,
          body,
          response: {
            200: {
              description: `the ${name} result`,
              content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
            },
            ...errors(400, 404, 422, 503, 504),
          },
        },
      },
      async (request, reply) => {
        const b = request.body as z.infer<B> & { version?: number; set?: string[] };
        const rec = storedScenario(store, request.params.ref, b.version);
        const s = settle(rec, b.set);
        const controller = new AbortController();
        // A client that goes away before the answer stops its job.
        reply.raw.on("close", () => {
          if (!reply.raw.writableFinished) controller.abort(new Error("the client went away"));
        });
        return sendRaw(reply, "application/json", await runs.job(job(b, s), controller.signal));
      },
    );
  oneScheme("explain", "What one scheme needs, traced to sources", S.ExplainRequest, (b, s) => ({
    kind: "explain",
    ...jobBase(s),
    scheme: b.scheme,
    ...(b.fighter !== undefined ? { fighter: b.fighter } : {}),
    ...(b.territory !== undefined ? { territory: b.territory } : {}),
  }));
  oneScheme("coalition", "Who provides what for one scheme", S.CoalitionRequest, (b, s) => ({
    kind: "coalition",
    ...jobBase(s),
    scheme: b.scheme,
    objective: b.objective ?? "min-cost",
  }));
  oneScheme("mechanism", "How one scheme's guarantee would operate", S.MechanismRequest, (b, s) => ({
    kind: "mechanism",
    ...jobBase(s),
    scheme: b.scheme,
    ...(b.compare !== undefined ? { compare: b.compare } : {}),
    ...(b.coalition !== undefined ? { coalition: b.coalition } : {}),
  }));
  oneScheme("consensus", "Zone of agreement and smallest concessions", S.ConsensusRequest, (b, s) => {
    const where = canonicalWhere(b.where);
    checkSpace(s.c, where, maxSchemes);
    return {
      kind: "consensus",
      ...jobBase(s),
      top: b.top ?? 3,
      sets: b.sets ?? 5,
      ...(where !== undefined ? { where } : {}),
    };
  });
  // The web app (dist/web), when it has been built.
  await registerWebApp(app);
  return app;
}

/**
 * The API's OpenAPI 3.1 description, from a server that is built but never listens (an in-memory store, no
 * workers): what /openapi.json serves, for docs/api.md.
 * @example referenceMarkdown(await openApiDocument())
 */
export async function openApiDocument(): Promise<OpenApiDoc> {
  const idle: TaskPool = {
    size: 1,
    run: () => Promise.reject(new Error("no workers: this server only describes its API")),
    destroy: async () => {},
  };
  const app = await buildServer({ db: ":memory:", pool: idle });
  try {
    await app.ready();
    return app.swagger() as OpenApiDoc;
  } finally {
    await app.close();
  }
}

/** Send a body the route's schema does not serialize: JSON text already written, Markdown, a stream. */
function sendRaw(reply: FastifyReply, type: string, body: string | NodeJS.ReadableStream) {
  return reply.type(type).send(body);
}

/** Live runs then stored ones (newest first), of one scenario or all. */
function listRuns(runs: RunManager, store: Store, scenario?: string): RunView[] {
  const live = runs.liveRuns(scenario);
  const seen = new Set(live.map((v) => v.id));
  return [
    ...live,
    ...store
      .runs(scenario)
      .filter((r) => !seen.has(r.id))
      .map((r) => viewOf(r)),
  ];
}
