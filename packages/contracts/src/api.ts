/** REST error body: `{ error: { code, message, fields? } }`. */
export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  /** A system the request depends on (e.g. the PBX) is not reachable or did not answer; see the HTTP status. */
  | "unavailable"
  | "internal";

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: Record<string, string> };
}

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}
