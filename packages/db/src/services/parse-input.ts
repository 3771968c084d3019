import type { z } from "zod";
import { uuidSchema } from "@switchboard/contracts";
import { badRequest, notFound, type DomainError, type NotFoundSubject } from "./errors";

/** The bad_request for input a schema refused, naming every failing field (once, top-level). */
export function invalidInput(error: z.ZodError): DomainError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
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
  return badRequest(`invalid input — ${summary}`, fields);
}

/**
 * Parses input with a zod schema; on failure a bad_request naming every failing field. The edges
 * (server actions, route handlers, page loaders) call it once; services take its output.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/**
 * An id from a path or a form: a uuid, or else `<what> not found` — a malformed id names nothing,
 * exactly like an unknown one, so the answer never tells the two apart.
 */
export function parseId(value: unknown, what: NotFoundSubject): string {
  const parsed = uuidSchema.safeParse(value);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}
