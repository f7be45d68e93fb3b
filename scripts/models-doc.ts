/**
 * Writes docs/models.md from the per-area documents in docs/models/ (`npm run docs`); a test keeps it in sync.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The sections, in the order of the pipeline. */
export const MODEL_DOCS = [
  "military.md",
  "coalition.md",
  "politics.md",
  "deterrence.md",
  "explore.md",
  "uncertainty.md",
];

/** The text of docs/models.md. */
export function modelsDoc(): string {
  const parts = MODEL_DOCS.map((f) => readFileSync(join(ROOT, "docs", "models", f), "utf8").trim());
  const titles = parts.map((p, i) => {
    const t = /^# (.+)$/m.exec(p)?.[1] ?? MODEL_DOCS[i]!;
    return `${i + 1}. [${t}](#${t
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, "")
      .replace(/ /g, "-")})`;
  });
  return [
    "# Guarantor's models",
    "",
    "Every model Guarantor runs, with its equations, parameters (units, sources, judgements) and limits. Generated",
    "from `docs/models/*.md` by `npm run docs`; edit those files. The scheme attributes the models read are",
    "listed in [`attributes.md`](attributes.md).",
    "",
    ...titles,
    "",
    // Each document's headings go one level down under the page title.
    ...parts.flatMap((p) => [p.replace(/^(#+) /gm, "#$1 "), ""]),
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(ROOT, "docs", "models.md"), modelsDoc());
}
