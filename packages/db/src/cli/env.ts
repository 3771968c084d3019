import { z } from "zod";
import { coreEnvSchema, exitOnEnvError, findRepoRoot, parseEnv, resolveCoreConfig, type CoreConfig } from "@switchboard/config";

/** Configuration of the db command-line tools (migrate, seed). */
export function loadCliConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(coreEnvSchema, process.env), findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
}

/** Where the console is reached, for links the tools print (the web app's PUBLIC_URL). */
export function loadCliPublicUrl(): string | undefined {
  try {
    return parseEnv(z.object({ PUBLIC_URL: z.url({ error: "must be an absolute http(s) URL" }).optional() }), process.env).PUBLIC_URL;
  } catch (error) {
    return exitOnEnvError(error);
  }
}
