import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { realtimeDir, repoRoot } from "../paths";
import { DEPLOYED_NODE_FLAGS } from "./realtime-node";

/** The Node/V8 flags before the script or bundle in a `node …` command line. */
function flagsBefore(entry: string, command: readonly string[]): string[] {
  const at = command.indexOf(entry);
  if (at < 0) throw new Error(`no ${entry} in ${command.join(" ")}`);
  return command.slice(0, at).filter((arg) => arg.startsWith("--max-") || arg.startsWith("--min-"));
}

describe("the realtime node's V8 flags", () => {
  it("are the same in the bench, the start script and docker-compose", () => {
    const start = (JSON.parse(readFileSync(path.join(realtimeDir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start;
    expect(flagsBefore("src/main.ts", (start ?? "").split(" "))).toEqual(DEPLOYED_NODE_FLAGS);

    const compose = readFileSync(path.join(repoRoot, "docker-compose.yml"), "utf8");
    const realtime = compose.slice(compose.indexOf("x-realtime:"));
    const line = realtime.split("\n").find((l) => l.trimStart().startsWith("command:")) ?? "";
    const command = JSON.parse(line.slice(line.indexOf("["))) as string[];
    expect(flagsBefore("dist/main.js", command)).toEqual(DEPLOYED_NODE_FLAGS);
  });
});
