import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runInOrder, runTogether, watchSignals, type SignalWatch } from "./run-commands";

let dir = "";
let watch: SignalWatch | undefined;
const env = () => ({ ...process.env, DIR: dir });
const setUp = () => {
  dir = mkdtempSync(path.join(tmpdir(), "run-commands-"));
  watch = watchSignals();
  return watch;
};
afterEach(() => {
  watch?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("runTogether", () => {
  it("runs the command lines at the same time: each waits for what the other writes", async () => {
    const w = setUp();
    const waitFor = (name: string) => `until [ -f "$DIR/${name}" ]; do sleep 0.05; done`;
    const code = await runTogether([`touch "$DIR/a"; ${waitFor("b")}`, `${waitFor("a")}; touch "$DIR/b"`], env(), w);
    expect(code).toBe(0);
  });

  it("stops the others at the first failure and answers with its status", async () => {
    const w = setUp();
    const code = await runTogether(["sleep 600", `until [ -f "$DIR/never" ]; do sleep 0.05; done`, "exit 3"], env(), w);
    expect(code).toBe(3);
  });
});

describe("runInOrder", () => {
  it("stops at the first failure", async () => {
    const w = setUp();
    const code = await runInOrder(["exit 0", "exit 4", `touch "$DIR/ran"`], env(), w);
    expect(code).toBe(4);
    expect(await runInOrder([`test ! -f "$DIR/ran"`], env(), w)).toBe(0);
  });
});
