import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";
import { FIXTURE } from "./helpers.js";

const SCHEME =
  "commitment=article5_like,scope=controlled,ground=reassurance,air=cap_pl_ro,enablers=us_backstop,materiel=steady";

describe("guarantor mechanism", () => {
  it("--json prints the ladder (steps with trigger, actors and time) and the deterrence terms", async () => {
    const r = await runCli(["mechanism", FIXTURE, "--scheme", SCHEME, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ladder.steps.length).toBeGreaterThan(0);
    for (const s of out.ladder.steps) {
      expect(typeof s.trigger).toBe("string");
      expect(Array.isArray(s.actors)).toBe(true);
      expect(typeof s.timeHours).toBe("number");
    }
    expect(out.deterrence.terms.map((t: { step: string }) => t.step)).toContain("direct_defence");
    expect(out.deterrence.probability).toBeGreaterThan(0);
    expect(out.deterrence.probability).toBeLessThan(1);
    expect(out.parameters.find((p: { id: string }) => p.id === "deterrence.gain_sigma").origin).toBe(
      "scenario",
    );
  });

  it("prints the ladder with its timings and the deterrence estimate for people", async () => {
    const r = await runCli(["mechanism", FIXTURE, "--scheme", SCHEME]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Response ladder/);
    expect(r.stdout).toMatch(/0\.0 h\s+Direct defence \(forces in place\)\s+FRA, GBR/);
    expect(r.stdout).toMatch(/72 h\s+Consultations/);
    expect(r.stdout).toMatch(/P\(deterred\) 0\.\d\d/);
  });

  it("a partial --scheme is a usage error listing the missing dimensions", async () => {
    const r = await runCli(["mechanism", FIXTURE, "--scheme", "commitment=treaty_x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option "treaty_x" of commitment/);
    const p = await runCli(["mechanism", FIXTURE, "--scheme", "commitment=article5_like,scope=recognised"]);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(
      /missing dimensions ground \(none \| monitors \| reassurance \| tripwire\), air/,
    );
    const none = await runCli(["mechanism", FIXTURE]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--scheme dim=option,... is required/);
  });

  it("--compare with a partial change compares against the first scheme, with reasons", async () => {
    const r = await runCli(["mechanism", FIXTURE, "--scheme", SCHEME, "--compare", "ground=none"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Changed: ground reassurance → none/);
    expect(r.stdout).toMatch(/A deters more/);
    expect(r.stdout).toMatch(/- direct defence: contribution/);
    const j = await runCli(["mechanism", FIXTURE, "--scheme", SCHEME, "--compare", "ground=none", "--json"]);
    const out = JSON.parse(j.stdout);
    expect(out.deterrence.higher).toBe("a");
    expect(out.a.ladder.steps.length).toBeGreaterThan(0);
    expect(out.reasons.length).toBeGreaterThan(1);
  });

  it("--coalition names the actors of each step from the coalition model's allocation (a real HiGHS solve)", async () => {
    const r = await runCli(["mechanism", FIXTURE, "--scheme", SCHEME, "--coalition", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ladder.steps.every((s: { actorsBasis: string }) => s.actorsBasis === "allocation")).toBe(true);
    // The reassurance force's troops come from France or Britain, never from Poland (troops outside Ukraine only).
    const direct = out.ladder.steps.find((s: { kind: string }) => s.kind === "direct_defence");
    expect(direct.actors.length).toBeGreaterThan(0);
    expect(direct.actors).not.toContain("POL");
  });

  it("a missing file is a located input error, exit 2", async () => {
    const r = await runCli(["mechanism", "no-such.yaml", "--scheme", SCHEME]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such\.yaml.*no such file/);
  });
});
