/** Observable Plot's output as one SVG string: a plot and its legend stacked in one `<svg>`. */

/** An element with `outerHTML` and width/height attributes (an SVG element of any DOM). */
export interface SvgLike {
  outerHTML: string;
  getAttribute(name: string): string | null;
}

/** Several SVG elements stacked top to bottom in one SVG of the widest one's width, each nested at its offset.
 *  `role="img"` and `aria-label` make it one picture with a text alternative. */
export function stackSvg(parts: readonly SvgLike[], label: string): string {
  let y = 0;
  let width = 0;
  const inner = parts.map((p) => {
    const w = Number(p.getAttribute("width") ?? 0);
    const h = Number(p.getAttribute("height") ?? 0);
    const at = y;
    y += h;
    width = Math.max(width, w);
    return p.outerHTML.replace(/^<svg /, `<svg x="0" y="${at}" `);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(label)}" viewBox="0 0 ${width} ${y}" width="${width}" height="${y}">${inner.join("")}</svg>`;
}

/** Text safe inside XML and HTML, attributes included. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
