import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeRange, findNodeProblems, satisfies } from "../check-node.mjs";

const RANGE = "^20.19.0 || ^22.13.0 || >=24";
const scratch = mkdtempSync(path.join(tmpdir(), "sb-check-node-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function checkout(installed: boolean): string {
  const root = mkdtempSync(path.join(scratch, "repo-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ engines: { node: RANGE } }));
  if (installed) {
    mkdirSync(path.join(root, "node_modules"));
    writeFileSync(path.join(root, "node_modules", ".package-lock.json"), "{}");
  }
  return root;
}

describe("the Node.js version check", () => {
  it("reads the engines range as npm does for the forms this repository uses", () => {
    for (const ok of ["20.19.0", "20.20.2", "22.13.0", "22.22.1", "24.0.0", "26.1.0"]) expect(satisfies(ok, RANGE), ok).toBe(true);
    for (const bad of ["18.20.4", "20.18.3", "21.7.0", "22.12.0", "23.11.0"]) expect(satisfies(bad, RANGE), bad).toBe(false);
  });

  it("names a wrong version, what is supported and what to do", () => {
    expect(describeRange(RANGE)).toBe("20.19 or newer 20.x, 22.13 or newer 22.x, or 24 and later");
    const [problem, ...rest] = findNodeProblems({ version: "18.20.4", root: checkout(true) });
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^Node\.js 18\.20\.4 \(.+\) is not supported: Switchboard needs Node\.js 20\.19 or newer 20\.x, 22\.13 or newer 22\.x, or 24 and later/
    );
    expect(problem).toContain("then run `npm ci` again");
  });

  it("says to run npm ci when the dependencies are not installed, and nothing when all is well", () => {
    expect(findNodeProblems({ version: "22.13.0", root: checkout(false) })).toEqual(["The dependencies are not installed: run `npm ci` first."]);
    expect(findNodeProblems({ version: "22.13.0", root: checkout(true) })).toEqual([]);
  });

  it("accepts the Node.js running this repository's own checks", () => {
    expect(findNodeProblems()).toEqual([]);
  });
});
