import { coreEnvSchema, exitOnEnvError, parseEnv, resolveCoreConfig, type CoreConfig } from "@switchboard/config";
import { findRepoRoot } from "@switchboard/db";

/** Configuration of the pbx command-line tools: the same variables as every Switchboard process. */
export function loadCliConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(coreEnvSchema, process.env), findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
}
