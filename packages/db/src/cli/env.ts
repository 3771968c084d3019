import { coreEnvSchema, exitOnEnvError, findRepoRoot, parseEnv, resolveCoreConfig, type CoreConfig } from "@switchboard/config";

/** Configuration of the db command-line tools (migrate, seed). */
export function loadCliConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(coreEnvSchema, process.env), findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
}
