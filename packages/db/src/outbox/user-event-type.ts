import type { EventType } from "@switchboard/contracts";
import type { User } from "../generated/prisma/client";

export type UserEventType = Extract<EventType, `user.${string}`>;

/**
 * Which user.* event a write of a User row is. A change of state wins (joined, deactivated, reactivated),
 * then ended sessions (password set or reset, "sign out everywhere"), then a sign-in (the sign-in
 * time moved, and at most the password's hash, rehashed with today's parameters: a new password
 * raises the session version above); anything else — name, role, offices — is
 * user.updated. Realtime nodes react to every one of them (see the delivery's access watch).
 */
export function userEventType(verb: "created" | "updated", before: User | null, after: User): UserEventType {
  if (verb === "created" || !before) return "user.created";
  if (before.status !== after.status) {
    if (after.status === "deactivated") return "user.deactivated";
    if (before.status === "deactivated") return "user.reactivated";
    return "user.joined";
  }
  if (before.sessionVersion !== after.sessionVersion) return "user.sessions_revoked";
  const signInOnly =
    before.lastSignInAt?.getTime() !== after.lastSignInAt?.getTime() &&
    before.version === after.version &&
    before.role === after.role &&
    before.name === after.name;
  return signInOnly ? "user.signed_in" : "user.updated";
}
