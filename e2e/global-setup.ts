import { e2eEnv, publishStackFile } from "./support/env";
import { defaultStackFile, logDir } from "./support/paths";
import { startControlServer } from "./support/control-server";
import { rememberRunningStack } from "./support/running-stack";
import { pidsOf, startStack } from "./support/stack";
import { writeStackState } from "./support/stack-state";

/** Starts the cluster topology once for the whole run and describes it in e2e/.auth/stack.json. */
export default async function globalSetup(): Promise<void> {
  const file = e2eEnv.stackFile ?? defaultStackFile;
  const started = Date.now();
  const stack = await startStack(logDir);
  const save = () => writeStackState(file, { ...stack.state, controlUrl: control.url, pids: pidsOf(stack.services) });
  const control = await startControlServer(stack.services, () => save());
  save();
  publishStackFile(file);
  rememberRunningStack({ stack, closeControl: control.close });
  console.log(
    `e2e stack ready in ${((Date.now() - started) / 1000).toFixed(1)}s: web ${stack.state.webUrl}, realtime ${stack.state.realtimeUrl}, db ${stack.state.databaseName} (logs in ${logDir})`
  );
}
