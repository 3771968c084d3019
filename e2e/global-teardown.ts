import { existsSync, rmSync } from "node:fs";
import { killGroupByPid } from "./support/child-process";
import { dropE2eDatabase } from "./support/database";
import { e2eEnv } from "./support/env";
import { defaultStackFile } from "./support/paths";
import { takeRunningStack } from "./support/running-stack";
import { readStackState } from "./support/stack-state";

/** Stops every server and drops the run's database; falls back to the pids on disk if needed. */
export default async function globalTeardown(): Promise<void> {
  const file = e2eEnv.stackFile ?? defaultStackFile;
  const running = takeRunningStack();
  if (running) {
    await running.closeControl();
    await running.stack.stop();
  } else if (existsSync(file)) {
    const state = readStackState(file);
    for (const pid of Object.values(state.pids)) if (pid) killGroupByPid(pid);
    if (!e2eEnv.keepDatabase) await dropE2eDatabase(state.databaseName);
  }
  rmSync(file, { force: true });
}
