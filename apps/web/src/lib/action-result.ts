import type { CurrentVersion } from "@switchboard/contracts";

/** `unreachable`: the request never got an answer (offline, network error); nothing was saved. */
type ActionErrorCode = "bad_request" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "internal" | "unreachable";
/** `current`: a stale change was refused (G8); the entity's version now and who changed it. */
export type ActionError = { code: ActionErrorCode; message: string; fields?: Record<string, string>; current?: CurrentVersion };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
