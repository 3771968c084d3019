import { z } from "zod";

export const NUL_MESSAGE = "must not contain NUL characters (\\u0000)";

/**
 * The string schema of every contract: PostgreSQL text cannot hold NUL, so a string with one is
 * refused here, at the edge, naming the field — instead of failing deep in a write as an error 500.
 * Chains like z.string() (`text().trim().min(1)`).
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !value.includes("\u0000"), { error: NUL_MESSAGE });
}
