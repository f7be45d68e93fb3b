import { build } from "esbuild";
const [entry] = process.argv.slice(2);
const r = await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", write: false, metafile: true, outdir: "/tmp/startup/out", logLevel: "silent", absWorkingDir: process.cwd(), packages: "external" });
const ins = r.metafile.inputs;
const prev = new Map([[entry, null]]); const q = [entry]; const hits = new Map();
while (q.length) { const f = q.shift(); for (const i of ins[f]?.imports ?? []) { if (i.kind !== "import-statement") continue; if (i.external) { if (!i.path.startsWith("node:") && !hits.has(i.path)) hits.set(i.path, f); continue; } if (!prev.has(i.path)) { prev.set(i.path, f); q.push(i.path); } } }
for (const [p, h] of hits) { const chain = []; for (let f = h; f; f = prev.get(f)) chain.unshift(f); console.log(p.padEnd(28), chain.join(" -> ")); }
console.log("src files:", prev.size);
