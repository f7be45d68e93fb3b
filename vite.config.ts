/**
 * The web app (web/), built into the package at dist/web and served by `guarantor serve`. `npm run dev` serves
 * it with reload, its API requests passed to a `guarantor serve` on GUARANTOR_API (default 127.0.0.1:8080).
 * Everything the page loads is bundled: no CDN, no remote font.
 */
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  base: "./",
  publicDir: false,
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
  worker: { format: "es" },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": process.env.GUARANTOR_API ?? "http://127.0.0.1:8080" },
  },
});
