/**
 * Scheme shortcuts wherever a scheme is taken (explain, coalition, mechanism, sensitivity): the schemes analyze names, and
 * a partial scheme completed from one of them to the nearest consistent scheme, saying what the rules forced.
 * mechanism names the actors of the coalition analyze finds.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, runCli } from "../helpers.js";

const MINI = join(FIXTURES, "mini.yaml");

describe("--scheme shortcuts", () => {
  let a: {
    focus: { scheme: Record<string, string> };
    frontier: { scheme: Record<string, string> }[];
    answers: Record<number, { maximin?: { scheme: Record<string, string> } }>;
  };
  beforeAll(async () => {
    a = JSON.parse((await runCli(["analyze", MINI, "--json", "--quiet"])).stdout);
  });

  const explained = async (spec: string) => {
    const r = await runCli(["explain", MINI, "--scheme", spec, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    return { scheme: JSON.parse(r.stdout).scheme as Record<string, string>, stderr: r.stderr };
  };

  it("focus, maximin and frontier:N are analyze's schemes; the command says which scheme it took", async () => {
    const focus = await explained("focus");
    expect(focus.scheme).toEqual(a.focus.scheme);
    expect(focus.stderr).toContain("--scheme focus: commitment=treaty");
    expect((await explained("maximin")).scheme).toEqual(a.answers[7]!.maximin!.scheme);
    expect((await explained(`frontier:${a.frontier.length}`)).scheme).toEqual(a.frontier.at(-1)!.scheme);
  });

  it("sensitivity takes the same shortcuts: its scheme is analyze's, and it says which it took", async () => {
    const last = a.frontier.at(-1)!.scheme;
    expect(last).not.toEqual(a.focus.scheme); // so that the shortcut, not the default focus, is what is checked
    for (const [spec, want] of [
      [`frontier:${a.frontier.length}`, last],
      ["maximin", a.answers[7]!.maximin!.scheme],
    ] as const) {
      const r = await runCli(["sensitivity", MINI, "--scheme", spec, "--samples", "0", "--json"]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).scheme).toEqual(want);
      expect(r.stderr).toContain(`--scheme ${spec}: `);
    }
  });

  it("a partial scheme is completed from the shortcut to the nearest consistent scheme, naming what the rules forced", async () => {
    const r = await explained("focus,ground=reassurance");
    expect(r.scheme).toEqual({ ...a.focus.scheme, ground: "reassurance", air: "policing" });
    expect(r.stderr).toMatch(/the rules forced air=policing \(was none\)/);
    // A consistent change needs nothing forced.
    expect((await explained("focus,ground=monitors")).scheme).toEqual({
      ...a.focus.scheme,
      ground: "monitors",
    });
  });

  it("says why a shortcut cannot be had, with exit 2", async () => {
    const nash = await runCli(["explain", MINI, "--scheme", "nash"]);
    expect(nash.code).toBe(2);
    expect(nash.stderr).toMatch(/--scheme nash: there is no Nash bargaining solution/);
    const far = await runCli(["coalition", MINI, "--scheme", "frontier:99"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/the Pareto front has \d+ schemes/);
    const bad = await runCli(["mechanism", MINI, "--scheme", "focus,ground=everywhere"]);
    expect(bad.code).toBe(2);
  });

  it("mechanism names the coalition's actors by default; --all-willing every actor able and willing", async () => {
    const coalition = JSON.parse((await runCli(["mechanism", MINI, "--scheme", "focus", "--json"])).stdout);
    const willing = JSON.parse(
      (await runCli(["mechanism", MINI, "--scheme", "focus", "--json", "--all-willing"])).stdout,
    );
    expect(coalition.ladder.steps[0].actorsBasis).toBe("allocation");
    expect(willing.ladder.steps[0].actorsBasis).toBe("eligible");
  });
});
