import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/action-result";

/**
 * Puts a server action's field errors under their fields (focusing the first) and returns what
 * belongs at the top of the form: errors about no field we show, or the overall message.
 */
export function applyServerErrors<F extends FieldValues>(error: ActionError, setError: UseFormSetError<F>, fields: readonly string[]): string | null {
  let general: string | null = null;
  let placed = false;
  for (const [key, message] of Object.entries(error.fields ?? {})) {
    const name = key.split(".")[0] ?? key;
    if (fields.includes(name)) {
      setError(name as Path<F>, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    } else {
      general ??= key === "_" ? message : `${key}: ${message}`;
    }
  }
  if (!placed) return error.message;
  return general;
}
