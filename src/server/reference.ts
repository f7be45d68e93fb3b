/**
 * The API reference, generated from the OpenAPI description (itself generated from the zod schemas): as
 * Markdown for docs/api.md and as one self-contained HTML page for /docs (no script, no CDN).
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
};

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }>; required?: boolean };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

/** The parts of an OpenAPI 3.1 document the reference shows. */
export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One field of a schema, as a table row. */
interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** What each status means in this API, for responses the schemas leave undescribed. */
const STATUS_TEXT: Record<string, string> = {
  "200": "done",
  "201": "created",
  "202": "accepted: the run is queued",
  "400": "the request is wrong (the field and what was expected)",
  "401": "the token is missing or wrong",
  "404": "no such scenario or run",
  "409": "the run has not finished, or did not finish",
  "413": "the body is over the size limit",
  "415": "the content type is not accepted",
  "422": "valid, but refused: an invalid scenario, or over a limit of the server",
  "503": "the server is full: try again after Retry-After seconds",
  "504": "stopped at the server's time limit",
};

const refName = (ref: string) => ref.replace(/^#\/components\/schemas\//, "");

/** A schema's type in a few words: `string`, `integer ≥ 1`, `Run[]`, `"a" | "b"`. */
export function typeOf(s: JsonSchema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return refName(s.$ref);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(" | ");
  const t = Array.isArray(s.type) ? s.type.join(" | ") : s.type;
  if (t === "array") return `${typeOf(s.items)}[]`;
  if (t === "object" && !s.properties && typeof s.additionalProperties === "object")
    return `{ [key]: ${typeOf(s.additionalProperties)} }`;
  const bounds = [
    s.minimum !== undefined ? `≥ ${s.minimum}` : "",
    s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? `≤ ${s.maximum}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `${t ?? "any"}${bounds ? ` ${bounds}` : ""}`;
}

function fields(s: JsonSchema | undefined, doc: OpenApiDoc): Field[] {
  const resolved = s?.$ref ? doc.components?.schemas?.[refName(s.$ref)] : s;
  if (!resolved?.properties) return [];
  return Object.entries(resolved.properties).map(([name, p]) => ({
    name,
    type: typeOf(p),
    required: resolved.required?.includes(name) ?? false,
    description: p.description ?? "",
  }));
}

interface Section {
  method: string;
  path: string;
  op: Operation;
  params: Field[];
  body?: { type: string; schema: string; fields: Field[] };
  responses: { status: string; description: string; type: string; schema: string }[];
}

function sections(doc: OpenApiDoc): Section[] {
  const out: Section[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const body = op.requestBody?.content ? Object.entries(op.requestBody.content)[0] : undefined;
      out.push({
        method: method.toUpperCase(),
        path,
        op,
        params: (op.parameters ?? []).map((p) => ({
          name: `${p.name} (${p.in})`,
          type: typeOf(p.schema),
          required: p.required ?? false,
          description: p.description ?? p.schema?.description ?? "",
        })),
        ...(body
          ? { body: { type: body[0], schema: typeOf(body[1].schema), fields: fields(body[1].schema, doc) } }
          : {}),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
          const [type, c] = Object.entries(r.content ?? {})[0] ?? ["", {}];
          const description =
            !r.description || r.description === "Default Response"
              ? (STATUS_TEXT[status] ?? "")
              : r.description;
          return { status, description, type, schema: typeOf(c.schema) };
        }),
      });
    }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function mdFields(rows: Field[]): string {
  return [
    "| field | type | required | description |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (f) => `| \`${f.name}\` | ${cell(f.type)} | ${f.required ? "yes" : ""} | ${cell(f.description)} |`,
    ),
  ].join("\n");
}

/**
 * docs/api.md: every route with its parameters, body and responses, then every named schema.
 * @example writeFileSync("docs/api.md", referenceMarkdown(app.swagger()))
 */
export function referenceMarkdown(doc: OpenApiDoc): string {
  const out = [
    `# ${doc.info.title} ${doc.info.version}`,
    "",
    "Generated from the server's OpenAPI description (`npm run api-doc`); do not edit. The description itself is served at `/openapi.json`, and this reference at `/docs`.",
    "",
    doc.info.description ?? "",
    "",
  ];
  for (const s of sections(doc)) {
    out.push(`## ${s.method} ${s.path}`, "", `**${s.op.summary ?? ""}**`, "");
    if (s.op.description) out.push(s.op.description, "");
    if (s.params.length) out.push("Parameters:", "", mdFields(s.params), "");
    if (s.body) {
      out.push(`Body (\`${s.body.type}\`): ${s.body.schema}`, "");
      if (s.body.fields.length) out.push(mdFields(s.body.fields), "");
    }
    out.push(
      "Responses:",
      "",
      ...s.responses.map(
        (r) => `- **${r.status}** ${r.description}${r.type ? ` (\`${r.type}\`: ${r.schema})` : ""}`,
      ),
      "",
    );
  }
  out.push("## Schemas", "");
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    out.push(`### ${name}`, "");
    if (schema.description) out.push(schema.description, "");
    const f = fields(schema, doc);
    out.push(f.length ? mdFields(f) : `${typeOf(schema)}`, "");
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** Inline `code` of the descriptions as <code>. */
const prose = (s: string) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

function htmlFields(rows: Field[]): string {
  return `<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>${rows
    .map(
      (f) =>
        `<tr><td><code>${esc(f.name)}</code></td><td>${esc(f.type)}</td><td>${f.required ? "yes" : ""}</td><td>${prose(f.description)}</td></tr>`,
    )
    .join("")}</table>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h2{margin-top:2.2rem;font-size:1.15rem;border-top:1px solid #ddd;padding-top:1rem}
.m{display:inline-block;min-width:4.5rem;font:600 .8rem monospace;padding:.15rem .4rem;border-radius:3px;background:#e8eef7;color:#17407a}
.m.POST{background:#e6f4ea;color:#1e6b34}.m.DELETE{background:#fbe9e7;color:#8a2a12}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}code{background:#f3f3f3;padding:0 .2rem;border-radius:2px}nav a{display:block;font-family:monospace}`;

/**
 * The reference as one HTML page (served at /docs), with no script and nothing fetched from elsewhere.
 * @example reply.type("text/html").send(referenceHtml(app.swagger()))
 */
export function referenceHtml(doc: OpenApiDoc): string {
  const all = sections(doc);
  const anchor = (s: Section) => `${s.method}-${s.path}`.replace(/[^A-Za-z0-9-]/g, "-");
  const body = all
    .map((s) => {
      const parts = [
        `<h2 id="${anchor(s)}"><span class="m ${s.method}">${s.method}</span> <code>${esc(s.path)}</code> ${esc(s.op.summary ?? "")}</h2>`,
      ];
      if (s.op.description) parts.push(`<p>${prose(s.op.description)}</p>`);
      if (s.params.length) parts.push(`<p>Parameters</p>${htmlFields(s.params)}`);
      if (s.body) {
        parts.push(`<p>Body (<code>${esc(s.body.type)}</code>): ${esc(s.body.schema)}</p>`);
        if (s.body.fields.length) parts.push(htmlFields(s.body.fields));
      }
      parts.push(
        `<p>Responses</p><ul>${s.responses
          .map(
            (r) =>
              `<li><b>${esc(r.status)}</b> ${prose(r.description)}${r.type ? ` (<code>${esc(r.type)}</code>: ${esc(r.schema)})` : ""}</li>`,
          )
          .join("")}</ul>`,
      );
      return parts.join("\n");
    })
    .join("\n");
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => {
      const f = fields(schema, doc);
      return `<h3 id="schema-${esc(name)}">${esc(name)}</h3>${f.length ? htmlFields(f) : `<p>${esc(typeOf(schema))}</p>`}`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} ${esc(doc.info.version)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${prose(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${all.map((s) => `<a href="#${anchor(s)}">${s.method} ${esc(s.path)}</a>`).join("")}</nav>
${body}<h2>Schemas</h2>${schemas}</body></html>
`;
}
