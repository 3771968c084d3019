import { z } from "zod";
import { coreEnvSchema, coreEnvShape, exitOnEnvError, findRepoRoot, parseEnv, resolveCoreConfig, type CoreConfig } from "@switchboard/config";

/** Configuration of the db command-line tools that write data (seed, org:create): the core variables. */
export function loadCliConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(coreEnvSchema, process.env), findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
}

/** `npm run db:migrate` only changes the schema: DATABASE_URL (or the embedded database), no secrets. */
export function loadMigrateConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(z.object(coreEnvShape), process.env), findRepoRoot(process.cwd()));
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
