/** A small element builder: `h("td", { class: "x", onclick }, "text", child)`. Text is always set as text. */
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
type Child = Node | string | number | undefined | false | null | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false || c === null) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** 12,345 for integers, three significant decimals below 100, rounded above. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : String(x);
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : String(Math.round(x * 1000) / 1000);
}

/** A BigInt count given as decimal text, with thousands separators. */
export function bigCount(text: string): string {
  return BigInt(text).toLocaleString("en-US");
}
