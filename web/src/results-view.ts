/**
 * The results of the selection: one scheme's full explanation (every dimension fixed), or the best completions
 * of a partial selection with the focus completion explained.
 */

import { CAPABILITY_WORDS } from "../../src/report/explain.js";
import type { Figure } from "../../src/report/html/index.js";
import { h, num } from "./dom.js";
import type { Completions, Explanation } from "./engine.js";

/** A capability id in the reports' words (the id itself for one they do not name). */
const capability = (k: string) => (CAPABILITY_WORDS as Record<string, string>)[k] ?? k;

/** A source's title and date, by id (from the open scenario). */
export type Sources = Record<string, { title: string; date: string | undefined; url: string | undefined }>;

export interface ResultsContext {
  sources: Sources;
  /** Label of a dimension and of its options, by id. */
  labels: { dims: Record<string, string>; options: Record<string, Record<string, string>> };
  /** Show a source (title and date) when its link is clicked. */
  showSource: (id: string) => void;
  /** Fix every dimension to a completion's options. */
  adopt: (scheme: Record<string, string>) => void;
}

function sourceLink(x: ResultsContext, id: string): HTMLElement {
  const s = x.sources[id];
  return h(
    "button",
    {
      class: "src",
      type: "button",
      "data-source": id,
      title: s ? `${s.title} (${s.date ?? "undated"})` : id,
      onclick: () => x.showSource(id),
    },
    s ? `${s.title}${s.date ? `, ${s.date}` : ""}` : id,
  );
}

function schemeList(x: ResultsContext, scheme: Record<string, string>): HTMLElement {
  return h(
    "dl",
    { class: "scheme" },
    Object.entries(scheme).map(([d, o]) => [
      h("dt", {}, x.labels.dims[d] ?? d),
      h("dd", {}, x.labels.options[d]?.[o] ?? o),
    ]),
  );
}

function section(title: string, id: string, ...body: (Node | string | undefined)[]): HTMLElement {
  return h("section", { class: "panel", id }, h("h3", {}, title), ...body);
}

/** Each party's verdict with its reasons, each reason with its source. */
function verdictsView(x: ResultsContext, e: Explanation): HTMLElement {
  return section(
    "Each party's verdict",
    "verdicts",
    h(
      "div",
      { class: "verdicts" },
      e.verdicts.map((v) =>
        h(
          "article",
          { class: `verdict ${v.accepts ? "accepts" : "rejects"}`, "data-party": v.party },
          h(
            "header",
            {},
            h("strong", {}, v.name),
            " ",
            h("span", { class: "verdict-word" }, v.accepts ? "accepts" : "rejects"),
            h(
              "span",
              { class: "muted" },
              ` utility ${num(v.utility)} against reservation ${num(v.reservation)}; margin ${num(v.margin)}`,
            ),
          ),
          v.redLines.length > 0
            ? h(
                "ul",
                { class: "redlines" },
                v.redLines.map((r) =>
                  h(
                    "li",
                    { "data-redline": r.id },
                    h("span", { class: "tag" }, "red line"),
                    ` ${r.description}`,
                    r.quote ? h("q", {}, r.quote) : undefined,
                    " ",
                    sourceLink(x, r.source),
                  ),
                ),
              )
            : undefined,
          v.shortfalls.length > 0
            ? h(
                "ul",
                { class: "shortfalls" },
                v.shortfalls
                  .slice(0, 3)
                  .map((s) =>
                    h(
                      "li",
                      {},
                      `${s.description ?? s.id}: ${Math.round(s.lost * 100)} % of its utility lost `,
                      sourceLink(x, s.source),
                    ),
                  ),
              )
            : undefined,
        ),
      ),
    ),
  );
}

function ladderView(e: Explanation): HTMLElement {
  const steps = [...e.mechanism.ladder.steps].sort((a, b) => a.timeHours - b.timeHours);
  const max = Math.max(1, ...steps.map((s) => s.timeHours));
  const d = e.mechanism.deterrence;
  return section(
    "Deterrence and the response ladder",
    "deterrence",
    h(
      "p",
      {},
      h("strong", {}, `${Math.round(d.probability * 100)} %`),
      ` probability that renewed aggression is deterred; presence: ${e.mechanism.presence.replaceAll("_", " ")}. `,
      `Trigger: ${e.mechanism.ladder.trigger}.`,
    ),
    h(
      "ol",
      { class: "ladder" },
      steps.map((s) =>
        h(
          "li",
          {},
          h("span", { class: "hours" }, `${num(s.timeHours)} h`),
          h("span", { class: "bar", style: `width:${(100 * s.timeHours) / max}%` }),
          h("span", {}, `${s.label}${s.actors.length ? ` (${s.actors.join(", ")})` : ""}`),
        ),
      ),
    ),
  );
}

/** The whole explanation of one scheme. */
export function explanationView(x: ResultsContext, e: Explanation, heading: string): HTMLElement {
  const gaps = Object.entries(e.gaps);
  return h(
    "div",
    { class: "explanation" },
    h("h2", {}, heading),
    e.brokenRule
      ? h("p", { class: "error" }, `Breaks rule ${e.brokenRule.id}: ${e.brokenRule.reason}`)
      : undefined,
    section(
      "Requirements",
      "requirements",
      h(
        "table",
        {},
        h(
          "tbody",
          {},
          Object.entries(e.requirements).map(([k, v]) =>
            h("tr", {}, h("td", { class: "n" }, num(v)), h("td", {}, capability(k))),
          ),
          h(
            "tr",
            {},
            h("td", { class: "n" }, num(e.deployedTroops)),
            h("td", {}, "troops deployed at a time"),
          ),
        ),
      ),
    ),
    section(
      "Feasibility",
      "feasibility",
      h(
        "p",
        { class: e.feasible ? "ok" : "bad" },
        e.feasible
          ? "Feasible: willing contributors can provide every requirement."
          : `Not feasible (score ${num(e.feasibility)}): ${gaps.map(([k, v]) => `${num(v)} ${capability(k)}`).join(", ")} missing.`,
      ),
    ),
    verdictsView(x, e),
    ladderView(e),
    section(
      "Cost and who pays",
      "cost",
      h("p", {}, `${num(e.costUsdMPerYear)} million USD a year (${e.currencyYear} dollars).`),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "contributor"),
            h("th", {}, "provides"),
            h("th", {}, "USD m/year"),
            h("th", {}, "share"),
          ),
        ),
        h(
          "tbody",
          {},
          e.coalition.contributions.map((c) =>
            h(
              "tr",
              {},
              h("td", {}, c.name),
              h(
                "td",
                {},
                Object.entries(c.units)
                  .map(([k, v]) => `${num(v)} ${capability(k)}`)
                  .join(", "),
              ),
              h("td", { class: "n" }, num(c.costUsdMPerYear)),
              h("td", { class: "n" }, `${Math.round(c.share * 100)} %`),
            ),
          ),
        ),
      ),
    ),
    h(
      "details",
      { class: "panel" },
      h("summary", {}, "Breakdown: every figure with its formula and inputs"),
      h(
        "ul",
        { class: "breakdown" },
        e.breakdown.map((l) =>
          h(
            "li",
            {},
            h("strong", {}, `${l.label}: ${num(l.value)} ${l.unit}`),
            h("div", { class: "formula" }, `= ${l.formula}`),
            h(
              "ul",
              {},
              l.inputs.map((i) =>
                h(
                  "li",
                  {},
                  `${i.name} = ${typeof i.value === "number" ? num(i.value) : i.value} [${i.source}]`,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The best completions of a partial selection, and how each party stands over it (the zone). */
export function completionsView(x: ResultsContext, c: Completions): HTMLElement {
  const pick = (name: string, scheme: Record<string, string> | undefined, note: string) =>
    h(
      "div",
      { class: "completion", "data-completion": name },
      h("h4", {}, name, " ", h("span", { class: "muted" }, note)),
      scheme
        ? [
            schemeList(x, scheme),
            h("button", { type: "button", onclick: () => x.adopt(scheme) }, `Fix the ${name} scheme`),
          ]
        : h("p", { class: "muted" }, "none: the zone of possible agreement is empty"),
    );
  return h(
    "div",
    { class: "completions" },
    section(
      "Over the selection",
      "zone",
      h(
        "p",
        {},
        `${num(c.consistent)} consistent schemes; ${num(c.feasible)} feasible; ${num(c.acceptedByAll)} accepted by every party (the zone of possible agreement: `,
        h("strong", { id: "zone-size" }, num(c.zone)),
        `); ${num(c.both)} both.`,
      ),
      h(
        "table",
        { class: "zone" },
        h("thead", {}, h("tr", {}, h("th", {}, "party"), h("th", {}, "accepts"), h("th", {}, "reservation"))),
        h(
          "tbody",
          {},
          c.parties.map((p) =>
            h(
              "tr",
              { "data-party": p.party },
              h("td", {}, p.name),
              h(
                "td",
                { class: "n accepts" },
                `${num(p.accepts)} (${c.consistent ? Math.round((100 * p.accepts) / c.consistent) : 0} %)`,
              ),
              h("td", { class: "n" }, num(p.reservation)),
            ),
          ),
        ),
      ),
    ),
    section(
      "Best completions",
      "best",
      pick(
        "focus",
        c.focus?.scheme,
        c.focus
          ? (["smallest shortfall", "feasible, nearest to consensus", "feasible and accepted by all"][
              c.focus.tier
            ] ?? "")
          : "",
      ),
      pick("Nash", c.nash, "largest product of the parties' gains"),
      pick("maximin", c.maximin?.scheme, c.maximin ? `least margin ${num(c.maximin.minMargin)}` : ""),
    ),
    c.figures.length
      ? section("Pictures of the selection", "pictures", ...c.figures.map(figureView))
      : undefined,
  );
}

/** One of the HTML report's figures (the same function draws it for `analyze --html`): its SVG, parsed as
 *  SVG (never as HTML), with its title as the caption and its text alternative as the image's label. */
function figureView(f: Figure): HTMLElement {
  const parsed = new DOMParser().parseFromString(f.svg, "image/svg+xml").documentElement;
  const ok = parsed.nodeName.toLowerCase() === "svg";
  const picture = ok ? (document.importNode(parsed, true) as unknown as SVGSVGElement) : undefined;
  picture?.setAttribute("role", "img");
  picture?.setAttribute("aria-label", f.alt);
  return h(
    "figure",
    { class: "figure", "data-figure": f.id },
    h("figcaption", {}, f.title),
    picture ?? h("p", { class: "error" }, "This figure could not be drawn."),
    h("p", { class: "muted alt" }, f.alt),
  );
}
