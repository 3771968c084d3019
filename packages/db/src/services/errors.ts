import type { PolicyRule, Viewer } from "@switchboard/auth";
import { Prisma } from "../generated/prisma/client";

/** Errors the data layer raises; pages, REST and sockets translate them into their own terms. */
export class DomainError extends Error {
  constructor(
    public readonly code: "bad_request" | "forbidden" | "not_found" | "conflict" | "rate_limited",
    message: string,
    public readonly fields?: Record<string, string>
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** What an id can name; `<subject> not found` is the one answer for an id that names nothing the viewer may see. */
export type NotFoundSubject =
  | "extension"
  | "trunk"
  | "call"
  | "ticket"
  | "attachment"
  | "notification"
  | "API token"
  | "office"
  | "canned reply"
  | "webhook"
  | "job"
  | "export file"
  | "user"
  | "invitation"
  | "queue"
  | "pause reason";

export const notFoundMessage = (what: NotFoundSubject) => `${what} not found`;
export const notFound = (what: NotFoundSubject) => new DomainError("not_found", notFoundMessage(what));
export const forbidden = (message: string) => new DomainError("forbidden", message);
export const conflict = (field: string, message: string) => new DomainError("conflict", message, { [field]: message });
export const badRequest = (message: string, fields?: Record<string, string>) => new DomainError("bad_request", message, fields);

/** Refuses with the rule's one message unless the rule allows the viewer. */
export function enforce(rule: PolicyRule, viewer: Viewer): void {
  if (!rule.allows(viewer)) throw forbidden(rule.denial);
}

/** Maps Prisma's unique-constraint and missing-row errors to domain errors. */
export function translatePrismaError(error: unknown, uniqueMessages: Record<string, [field: string, message: string]>, what: NotFoundSubject): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      for (const [column, [field, message]] of Object.entries(uniqueMessages)) {
        if (target.includes(column)) throw conflict(field, message);
      }
      const first = Object.values(uniqueMessages)[0];
      if (first) throw conflict(first[0], first[1]);
    }
    if (error.code === "P2025") throw notFound(what);
  }
  throw error;
}
