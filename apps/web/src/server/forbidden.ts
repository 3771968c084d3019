/** A DomainError-shaped refusal for checks made in the web layer itself (see asDomainError). */
export function forbiddenError(message: string): Error {
  return Object.assign(new Error(message), { name: "DomainError", code: "forbidden" });
}
