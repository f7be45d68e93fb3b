/** Messages between the page and the core's worker. */
import type { Diagnostic, Setting } from "../../src/scenario/index.js";
import type { Completions, Control, Explanation, FieldState, Fixes } from "./engine.js";

export type Request =
  | { kind: "open"; text: string; file: string }
  | { kind: "check"; text: string; file: string }
  | { kind: "version"; text: string; settings: Setting[] }
  | { kind: "field"; fixes: Fixes; settings: Setting[] }
  | { kind: "completions"; fixes: Fixes; settings: Setting[] };

export interface Opened {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  controls: Control[];
  title: string;
  id: string;
  asOf: string;
  sources: Record<string, { title: string; date: string | undefined; url: string | undefined }>;
}

/** The fast answer: the field and, when every dimension is fixed, the scheme's explanation. */
export interface FieldAnswer {
  ok: boolean;
  errors: Diagnostic[];
  field: FieldState | undefined;
  explanation: Explanation | undefined;
  ms: number;
}

/** The slow answer: the analysis over the selection and the focus completion's explanation. */
export interface CompletionsAnswer {
  ok: boolean;
  errors: Diagnostic[];
  completions: Completions | undefined;
  focus: Explanation | undefined;
  ms: number;
}

export type Answer<R extends Request> = R extends { kind: "open" }
  ? Opened
  : R extends { kind: "check" }
    ? Diagnostic[]
    : R extends { kind: "version" }
      ? { text: string; unplaced: Setting[] }
      : R extends { kind: "field" }
        ? FieldAnswer
        : CompletionsAnswer;
