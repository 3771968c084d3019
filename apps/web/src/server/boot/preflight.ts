import { EnvError, exitOnEnvError, findPortProblem, portProblem } from "@switchboard/config";
import type { Server } from "node:net";
import type { WebConfig } from "../../env";

/** Stops the process (code 78) with one named problem instead of a stack trace. */
function cannotStart(problem: string): never {
  return exitOnEnvError(new EnvError([problem], "cannot start"));
}

/**
 * The first-run check: what would otherwise surface later as a stack trace (a port another program
 * holds). loadWebConfig has already named bad variables and an unwritable DATA_DIR.
 */
export async function exitUnlessStartable(config: WebConfig): Promise<void> {
  const problem = await findPortProblem(config.host, config.port);
  if (problem) cannotStart(problem);
}

/** Listens, or stops naming the port when another program took it since the check. */
export async function listenOrExit(server: Server, config: WebConfig): Promise<void> {
  await new Promise<void>((resolve) => {
    const fail = (error: Error) => cannotStart(portProblem(config.host, config.port, error));
    server.once("error", fail);
    server.listen(config.port, config.host, () => {
      server.off("error", fail);
      resolve();
    });
  });
}
