/** A DOM document for Observable Plot to build SVG in, outside a browser (linkedom). */
import { parseHTML } from "linkedom";
import type { PlotDocument } from "../report/html/index.js";

/** A fresh, empty HTML document. */
export function createDocument(): PlotDocument {
  return parseHTML("<!doctype html><html><head></head><body></body></html>")
    .document as unknown as PlotDocument;
}
