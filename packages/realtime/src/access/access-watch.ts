import type { Viewer } from "@switchboard/auth";
import { ACCESS_CHANGED_MESSAGE, SESSION_END_MESSAGES, type DomainEvent, type SessionEndReason, type UserStatus } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { AccessSnapshot, SessionUserLoader } from "../auth/session-user-loader";
import type { SyncTarget } from "../delivery/sync-target";
import type { RealtimeSocket } from "../io-types";

export type UserEvent = Extract<DomainEvent, { type: `user.${string}` }>;

export function isUserEvent(event: DomainEvent): event is UserEvent {
  return event.type.startsWith("user.");
}

/** What the socket's other parts must redo when its access changed (presence, ticket viewers). */
export interface AccessHooks {
  refreshed(socket: RealtimeSocket, before: Viewer): void;
}

/** A user's access as of one of their events or a fresh read. */
interface AccessFacts {
  seq: number;
  status: UserStatus;
  sessionVersion: number | undefined;
  role: Viewer["role"];
  name: string;
  officeIds: readonly string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * Guarantee G7: a change of someone's access reaches each of their open sockets on this node at
 * the point of the event stream where it was committed. Every node consumes every user.* event;
 * for each socket of that user whose access snapshot predates the event it
 * - ends the socket, telling the console why, when the account is no longer active or the
 *   session's version is behind the user's ("sign out everywhere", a password change or reset);
 * - otherwise swaps in the new role and offices as the socket's viewer, so every later event —
 *   live, buffered or replayed — is filtered with them, and tells the console to reload its pages.
 * After the log lost its place (events may be missing) every socket is re-read from the database.
 */
export class AccessWatch {
  constructor(
    private readonly users: SessionUserLoader,
    private readonly hooks: AccessHooks,
    private readonly logger: Logger
  ) {}

  /** Applies a user.* event to one of that user's sockets (no-op when the socket's access already reflects it). */
  apply(target: SyncTarget, event: UserEvent): void {
    const { data } = event;
    this.decide(target, {
      seq: event.seq,
      status: data.status,
      sessionVersion: data.sessionVersion,
      role: data.role,
      name: data.name,
      officeIds: data.officeIds
    });
  }

  /** Re-reads the users of these sockets and applies what changed (after events may have been lost). */
  async revalidate(targets: readonly SyncTarget[]): Promise<void> {
    await Promise.all(
      targets.map(async (target) => {
        let snapshot: AccessSnapshot | null;
        try {
          snapshot = await this.users.find(target.viewer.id);
        } catch (error) {
          this.logger.warn({ err: error, socketId: target.socket.id }, "access re-check failed");
          return;
        }
        if (target.detached) return;
        if (!snapshot || snapshot.user.orgId !== target.orgId) return this.end(target, "deactivated");
        this.decide(target, { ...snapshot.user, seq: snapshot.seq, status: snapshot.status, sessionVersion: snapshot.sessionVersion });
      })
    );
  }

  private decide(target: SyncTarget, facts: AccessFacts): void {
    const { socket } = target;
    if (target.detached || facts.seq <= socket.data.accessSeq) return;
    socket.data.accessSeq = facts.seq;
    if (facts.status !== "active") return this.end(target, "deactivated");
    if (facts.sessionVersion !== undefined && facts.sessionVersion > socket.data.sessionVersion) return this.end(target, "signed_out");
    const before = target.viewer;
    const user = socket.data.user;
    if (before.role === facts.role && sameSet(before.officeIds ?? [], facts.officeIds) && user.name === facts.name) return;
    const officeIds = [...facts.officeIds];
    socket.data.user = { ...user, role: facts.role, name: facts.name, officeIds };
    target.viewer = socket.data.user;
    this.hooks.refreshed(socket, before);
    // A rename changes nothing the socket may see; the console need not reload for it.
    if (before.role !== facts.role || !sameSet(before.officeIds ?? [], officeIds)) socket.emit("access:changed", { message: ACCESS_CHANGED_MESSAGE });
  }

  private end(target: SyncTarget, reason: SessionEndReason): void {
    if (target.detached) return;
    this.logger.info({ socketId: target.socket.id, userId: target.viewer.id, reason }, "session ended by an access change");
    target.socket.emit("session:ended", { reason, message: SESSION_END_MESSAGES[reason] });
    target.socket.disconnect(true);
  }
}
