import { mkdirSync } from "node:fs";
import path from "node:path";
import { BaselineWriter, type BaselineTemplates } from "../drive/writers";
import { benchDir } from "../paths";
import type { Printer } from "../report/progress";
import { CommitSink } from "../scenarios/commit-sink";
import type { ScenarioParams } from "../scenarios/params";
import type { SystemResult } from "../scenarios/result";
import { runSystem } from "../scenarios/run-system";
import { baselineConsoleSpecs } from "./console-specs";
import { findFreePort } from "@switchboard/events/testing";
import type { SeededOrg } from "./seed";
import { gcPreload } from "./realtime-node";
import { startNodeChild } from "./spawn-child";

/** The bare Socket.IO server with the same consoles and the same envelopes. */
export async function runBaseline(
  params: ScenarioParams,
  orgs: SeededOrg[],
  templates: BaselineTemplates,
  logDir: string,
  print: Printer
): Promise<{ result: SystemResult; profileDir: string | null }> {
  const port = await findFreePort();
  const profileDir = params.cpuProf ? path.join(logDir, "profiles-baseline", "baseline") : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const child = startNodeChild({
    name: "baseline",
    entry: path.join(benchDir, "src/baseline/baseline-server.ts"),
    args: [String(port)],
    nodeArgs: ["--expose-gc", "--import", gcPreload, ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])],
    cwd: benchDir,
    ipc: true,
    logFile: path.join(logDir, "baseline.log")
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("baseline server did not start within 30 s")), 30_000);
      child.process.on("message", (m: { type?: string }) => {
        if (m.type !== "listening") return;
        clearTimeout(timer);
        resolve();
      });
      void child.exited.then(() => reject(new Error("baseline server exited during startup")));
    });
    print(`[${params.id} baseline] bare Socket.IO server on port ${port}`);
    const sink = new CommitSink();
    const writer = new BaselineWriter(child.process, orgs, templates, params.mix, sink.emit);
    const result = await runSystem(
      params,
      {
        kind: "baseline",
        servers: [{ name: "baseline", pid: child.pid }],
        support: [],
        specs: baselineConsoleSpecs(orgs, `http://127.0.0.1:${port}`, { pages: params.mix === "pages", topics: false }),
        writer,
        sink
      },
      logDir,
      print
    );
    return { result, profileDir: profileDir ? path.dirname(profileDir) : null };
  } finally {
    await child.stop("SIGTERM");
  }
}
