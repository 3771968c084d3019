import type { z } from "zod";

export class EnvError extends Error {
  constructor(
    public readonly problems: string[],
    heading = "invalid environment"
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates environment variables; the error names each offending variable and what is wrong. */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`));
}

/** Prints the problem and exits: a process with bad configuration must not start. */
export function exitOnEnvError(error: unknown): never {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}
