import type { z } from "zod";
import { uuidSchema } from "@switchboard/contracts";
import { badRequest, notFound, type DomainError, type NotFoundSubject } from "./errors";

/**
 * The bad_request for input a schema refused. `fields` has one message per top-level field, as
 * forms show them ("codecs", not "codecs.0"); the message names each failing value by its full
 * path ("slaHours.low: …"), for API callers sending nested input.
 */
export function invalidInput(error: z.ZodError): DomainError {
  const fields: Record<string, string> = {};
  const problems = new Map<string, string>();
  for (const issue of error.issues) {
    const parent = issue.path.map(String);
    const failing = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...parent, key]) : [parent];
    const message = issue.code === "unrecognized_keys" ? "unknown field" : issue.message;
    for (const path of failing) {
      fields[path[0] ?? "_"] ??= message;
      const name = path.join(".");
      if (!problems.has(name)) problems.set(name, name ? `${name}: ${message}` : message);
    }
  }
  return badRequest(`invalid input — ${[...problems.values()].join("; ")}`, fields);
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
