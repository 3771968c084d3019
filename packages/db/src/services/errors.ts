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

export const notFound = (what: string) => new DomainError("not_found", `${what} not found`);
export const forbidden = (message: string) => new DomainError("forbidden", message);
export const conflict = (field: string, message: string) => new DomainError("conflict", message, { [field]: message });
export const badRequest = (message: string, fields?: Record<string, string>) => new DomainError("bad_request", message, fields);

/** Maps Prisma's unique-constraint and missing-row errors to domain errors. */
export function translatePrismaError(error: unknown, uniqueMessages: Record<string, [field: string, message: string]>, what: string): never {
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
