/**
 * The morphological field: dimensions as columns, options as cells. A fixed option is marked; an option that
 * no consistent scheme reaches with the current fixes is greyed and cannot be fixed.
 */
import { bigCount, h } from "./dom.js";
import type { FieldState, Fixes } from "./engine.js";

export function fieldView(
  f: FieldState,
  fixes: Fixes,
  toggle: (dim: string, option: string) => void,
): HTMLElement {
  return h(
    "div",
    { class: "field", role: "grid", "aria-label": "morphological field" },
    f.dims.map((d) =>
      h(
        "div",
        { class: `dim${fixes[d.id] !== undefined ? " has-fix" : ""}`, role: "row", "data-dim": d.id },
        h("div", { class: "dim-label", title: d.id }, d.label),
        d.options.map((o) => {
          const unreachable = o.count === "0" && !o.fixed;
          return h(
            "button",
            {
              type: "button",
              role: "gridcell",
              class: `opt${o.fixed ? " fixed" : ""}${unreachable ? " unreachable" : ""}`,
              "data-option": o.id,
              "aria-pressed": o.fixed ? "true" : "false",
              "aria-disabled": unreachable ? "true" : undefined,
              title: unreachable
                ? `${o.id}: no consistent scheme with the current fixes`
                : `${o.id}: ${bigCount(o.count)} consistent schemes ${o.fixed ? "(fixed; click to free)" : "with it"}`,
              onclick: () => {
                if (!unreachable) toggle(d.id, o.id);
              },
            },
            h("span", { class: "opt-label" }, o.label),
            h("span", { class: "opt-count" }, bigCount(o.count)),
          );
        }),
      ),
    ),
  );
}
