/**
 * The web app (built by Vite into dist/web) served by `guarantor serve` at `/`: the page, its assets, the
 * worker and HiGHS's WebAssembly, from files only (no directory listing, no wildcard route that could shadow
 * the API). Long cache for the hashed assets, none for the page itself.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Where the built app is: dist/web beside the compiled server (dist/server), or from the sources (src/server). */
export function webAppDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, "..", "web"), join(here, "..", "..", "dist", "web")]) {
    if (existsSync(join(dir, "index.html"))) return dir;
  }
  return undefined;
}

/**
 * Serve the web app at `/` when it has been built; returns the folder served, or undefined (then `/` is not
 * routed and the API works alone).
 * @example await registerWebApp(app)
 */
export async function registerWebApp(app: FastifyInstance, dir = webAppDir()): Promise<string | undefined> {
  if (!dir) return undefined;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    list: false,
    dotfiles: "deny",
    setHeaders(res, path) {
      const hashed = path.includes(`${join(dir, "assets")}`);
      res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return dir;
}
