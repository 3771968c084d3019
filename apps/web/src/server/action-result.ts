import "server-only";
import type { ActionResult } from "@/lib/action-result";
import { asDomainError } from "./domain-error";

export type { ActionResult } from "@/lib/action-result";

/**
 * Runs a server action's work and turns domain errors (validation, conflicts, permissions) into a
 * result the form can show field by field. Anything else is logged and reported generically.
 */
export async function toActionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const domain = asDomainError(error);
    if (domain)
      return {
        ok: false,
        error: { code: domain.code, message: domain.message, fields: domain.fields, ...(domain.current ? { current: domain.current } : {}) }
      };
    console.error("server action failed", error);
    return { ok: false, error: { code: "internal", message: "Something went wrong. Please try again." } };
  }
}
