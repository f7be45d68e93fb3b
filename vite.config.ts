/**
 * The web app (web/), built into the package at dist/web and served by `guarantor serve`. `npm run dev` serves
 * it with reload, its API requests (/scenarios, /analyses) passed to a `guarantor serve` on GUARANTOR_API (default 127.0.0.1:8080).
 * Everything the page loads is bundled: no CDN, no remote font. The build prints the JavaScript's size and the
 * core's share of it (the modules under src/, which the CLI runs too).
 */
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const CORE_DIR = `${resolve(import.meta.dirname, "src")}/`;
const SCENARIO_DATA = `${CORE_DIR}scenarios/embedded.ts`;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** JavaScript chunks of the page and of its worker, with the bytes of core code and of scenario data in each. */
const chunks: { file: string; bytes: number; core: number; data: number }[] = [];

/** Records every JavaScript chunk's size and how much of it is the core's code (the modules under src/, which
 *  the CLI runs too) or the embedded scenario; the page's build prints them all when it closes. */
function bundleSizes(print: boolean): Plugin {
  return {
    name: "guarantor-bundle-sizes",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        let core = 0;
        let data = 0;
        for (const [id, m] of Object.entries(chunk.modules)) {
          if (id === SCENARIO_DATA) data += m.renderedLength;
          else if (id.startsWith(CORE_DIR)) core += m.renderedLength;
        }
        chunks.push({ file: chunk.fileName, bytes: Buffer.byteLength(chunk.code), core, data });
      }
    },
    closeBundle() {
      if (!print) return;
      const sum = (k: "bytes" | "core" | "data") => chunks.reduce((a, c) => a + c[k], 0);
      const total = sum("bytes");
      const pct = (x: number) => `${total ? ((100 * x) / total).toFixed(1) : "0"} %`;
      console.log(`\nJavaScript bundle (page, worker and lazy editor), uncompressed:`);
      for (const c of chunks) {
        console.log(
          `  ${c.file.padEnd(36)} ${kB(c.bytes).padStart(10)}   core code ${kB(c.core).padStart(9)}   scenario ${kB(c.data).padStart(9)}`,
        );
      }
      console.log(
        `  total ${kB(total)}: the core's code (src/) ${kB(sum("core"))} (${pct(sum("core"))}), the embedded scenario ${kB(sum("data"))} (${pct(sum("data"))}); HiGHS's WebAssembly is a separate asset`,
      );
    },
  };
}

export default defineConfig({
  root: "web",
  base: "./",
  publicDir: false,
  plugins: [bundleSizes(true)],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  worker: { format: "es", plugins: () => [bundleSizes(false)] },
  server: {
    host: "127.0.0.1",
    // The page calls the API by relative paths (it is served at the server's root), so the dev server passes
    // those paths on.
    proxy: Object.fromEntries(
      ["/scenarios", "/analyses", "/openapi.json"].map((p) => [
        p,
        process.env.GUARANTOR_API ?? "http://127.0.0.1:8080",
      ]),
    ),
  },
});
