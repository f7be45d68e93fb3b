import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { progressBar } from "../../src/cli/progress.js";

function fakeIo(tty: boolean): CliIo & { err: string } {
  const io = {
    err: "",
    stdout: () => {},
    stderr: (t: string) => {
      io.err += t;
    },
    stderrIsTTY: tty,
    cwd: ".",
  };
  return io;
}

describe("progressBar", () => {
  it("progressBar draws on a terminal only after a second, and clears its line when done", () => {
    let t = 0;
    const io = fakeIo(true);
    const bar = progressBar(io, "analyze", false, () => t);
    t = 500;
    bar.report(10, 100);
    expect(io.err).toBe("");
    t = 1500;
    bar.report(50, 100);
    expect(io.err).toContain("analyze [");
    expect(io.err).toContain("50% 50/100");
    bar.done();
    expect(io.err.endsWith("\r\x1b[K")).toBe(true);
  });

  it("progressBar names each phase, draws a new phase at once and a phase with no count by its name alone", () => {
    let t = 0;
    const io = fakeIo(true);
    const bar = progressBar(io, "analyze", false, () => t);
    bar.report(0, 0, "reading the scenario");
    expect(io.err).toBe("");
    t = 1200;
    bar.report(10, 100, "evaluating schemes");
    expect(io.err).toContain("analyze: evaluating schemes [");
    t = 1210; // within the redraw interval, but a new phase
    bar.report(0, 0, "weighing concessions");
    expect(io.err.endsWith("\ranalyze: weighing concessions…\x1b[K")).toBe(true);
    bar.done();
    bar.done();
    expect(io.err.split("\r\x1b[K").length).toBe(2); // cleared once
  });

  it("progressBar draws nothing when stderr is not a terminal, or with --quiet", () => {
    let t = 0;
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const io = fakeIo(tty);
      const bar = progressBar(io, "analyze", quiet, () => t);
      t += 5000;
      bar.report(50, 100);
      bar.done();
      expect(io.err).toBe("");
    }
  });
});
