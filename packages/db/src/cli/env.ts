import { coreEnvSchema, exitOnEnvError, parseEnv, resolveCoreConfig, type CoreConfig } from "@switchboard/config";
import { findRepoRoot } from "../paths";

/** Configuration of the db command-line tools (migrate, seed). */
export function loadCliConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(coreEnvSchema, process.env), findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
}
