type ActionErrorCode = "bad_request" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "internal";
export type ActionError = { code: ActionErrorCode; message: string; fields?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
