import type { z } from "zod";
import { badRequest } from "./errors";

/** Parses input with a zod schema; on failure a bad_request naming every failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[key] ??= "unknown field";
      continue;
    }
    // Forms show errors per top-level field ("codecs", not "codecs.0").
    const key = issue.path.length ? String(issue.path[0]) : "_";
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => (k === "_" ? v : `${k}: ${v}`))
    .join("; ");
  throw badRequest(`invalid input — ${summary}`, fields);
}
