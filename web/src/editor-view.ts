/**
 * The scenario editor: the YAML in CodeMirror 6, with completion and hover from the scenario's JSON Schema
 * (schema/scenario.schema.json, generated from the loader's zod schema) and, as diagnostics, the loader's own
 * located errors (the same messages as `guarantor validate`), computed in the worker.
 */
import { autocompletion } from "@codemirror/autocomplete";
import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import { type Diagnostic as CmDiagnostic, linter, lintGutter } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import { EditorView, hoverTooltip, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { stateExtensions } from "codemirror-json-schema";
import { yamlCompletion, yamlSchemaHover } from "codemirror-json-schema/yaml";

type JSONSchema7 = Parameters<typeof stateExtensions>[0];

import schema from "../../schema/scenario.schema.json";
import { formatPath } from "../../src/scenario/diagnostics.js";
import type { Diagnostic } from "../../src/scenario/index.js";

/** Where a loader diagnostic sits in the text: its line and column, else the start. */
export function diagnosticRange(doc: Text, d: Diagnostic): { from: number; to: number } {
  if (!d.position) return { from: 0, to: Math.min(doc.length, doc.line(1).to) };
  const line = doc.line(Math.min(Math.max(1, d.position.line), doc.lines));
  const from = Math.min(line.to, line.from + Math.max(0, d.position.col - 1));
  return { from, to: Math.max(from + 1 > line.to ? from : from + 1, line.to) };
}

export interface EditorOptions {
  /** Validate a text with the loader (in the worker). */
  check: (text: string) => Promise<Diagnostic[]>;
  /** Called after the debounce with the loader's diagnostics, for the list beside the editor. */
  onDiagnostics: (d: Diagnostic[]) => void;
  /** Ctrl-S / Cmd-S. */
  onSave: () => void;
}

export function createEditor(parent: HTMLElement, text: string, o: EditorOptions): EditorView {
  const loaderLint = linter(
    async (view) => {
      const diags = await o.check(view.state.doc.toString());
      o.onDiagnostics(diags);
      return diags.map((d): CmDiagnostic => {
        const { from, to } = diagnosticRange(view.state.doc, d);
        return {
          from,
          to,
          severity: d.severity === "warning" ? "warning" : "error",
          source: "guarantor",
          message: `${formatPath(d.path)}: ${d.message}`,
        };
      });
    },
    { delay: 400 },
  );
  return new EditorView({
    parent,
    doc: text,
    extensions: [
      basicSetup,
      yaml(),
      yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
      autocompletion(),
      hoverTooltip(yamlSchemaHover()),
      stateExtensions(schema as unknown as JSONSchema7),
      loaderLint,
      lintGutter(),
      keymap.of([
        {
          key: "Mod-s",
          preventDefault: true,
          run: () => {
            o.onSave();
            return true;
          },
        },
      ]),
      EditorView.theme({
        "&": { height: "100%" },
        ".cm-scroller": { fontFamily: "ui-monospace, monospace" },
      }),
    ],
  });
}
