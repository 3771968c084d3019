import { canSeePresence } from "@switchboard/auth";
import type { PresenceMember } from "@switchboard/contracts";
import type { Logger } from "pino";
import { rooms, type RealtimeIo, type RealtimeSocket } from "../io-types";
import { mergeEntries, type PresenceChange, type PresenceEntry, type PresenceStore } from "./presence-store";

/**
 * Connects sockets to the presence store and announces changes. Announcements go through the
 * Socket.IO adapter (not io.local), so with Redis every node's staff hear them, once each.
 */
export class PresenceService {
  /** This node's tabs, and the store call each is waiting on, so remove never overtakes add. */
  private readonly tabs = new Map<string, { orgId: string; entry: PresenceEntry; added: Promise<unknown> }>();
  private closing = false;

  constructor(
    private readonly io: RealtimeIo,
    private readonly store: PresenceStore,
    private readonly logger: Logger
  ) {}

  start(): Promise<void> {
    return this.store.start({ change: (change) => this.announce(change), lost: (orgIds) => this.resendSnapshots(orgIds) });
  }

  connect(socket: RealtimeSocket): void {
    const { user, connectedAt } = socket.data;
    const entry: PresenceEntry = { socketId: socket.id, userId: user.id, name: user.name, role: user.role, since: connectedAt };
    const staff = canSeePresence(user);
    if (staff) void socket.join(rooms.presence(user.orgId));
    const added = this.store.add(user.orgId, entry).then(async (change) => {
      this.announce(change);
      if (staff && socket.connected) socket.emit("presence:snapshot", { members: await this.store.list(user.orgId) });
    });
    added.catch((error: unknown) => this.logger.warn({ err: error, socketId: socket.id }, "presence connect failed"));
    this.tabs.set(socket.id, { orgId: user.orgId, entry, added });
  }

  disconnect(socket: RealtimeSocket): void {
    const tab = this.tabs.get(socket.id);
    if (!tab) return;
    this.tabs.delete(socket.id);
    if (this.closing) return;
    void tab.added
      .catch(() => undefined)
      .then(() => this.store.remove(tab.orgId, tab.entry))
      .then((change) => this.announce(change))
      .catch((error: unknown) => this.logger.warn({ err: error, socketId: socket.id }, "presence disconnect failed"));
  }

  list(orgId: string): Promise<PresenceMember[]> {
    return this.store.list(orgId);
  }

  isHealthy(): boolean {
    return this.store.isHealthy();
  }

  /** graceful: tell everyone this node's users left (unless they have tabs elsewhere). */
  async close(graceful: boolean): Promise<void> {
    this.closing = true;
    const changes = await this.store.close(graceful);
    for (const change of changes) this.announce(change);
  }

  private announce(change: PresenceChange): void {
    const room = this.io.to(rooms.presence(change.orgId));
    for (const userId of change.joined) {
      const member = this.localMember(change.orgId, userId);
      if (member) room.emit("presence:joined", member);
    }
    for (const userId of change.left) room.emit("presence:left", { userId });
  }

  /** Each node refreshes its own staff consoles (io.local): together that reaches everyone once. */
  private resendSnapshots(orgIds: string[]): void {
    for (const orgId of orgIds) {
      this.store
        .list(orgId)
        .then((members) => this.io.local.to(rooms.presence(orgId)).emit("presence:snapshot", { members }))
        .catch((error: unknown) => this.logger.warn({ err: error, orgId }, "presence snapshot refresh failed"));
    }
  }

  private localMember(orgId: string, userId: string): PresenceMember | undefined {
    const entries = [...this.tabs.values()].filter((tab) => tab.orgId === orgId && tab.entry.userId === userId).map((tab) => tab.entry);
    return mergeEntries(entries)[0];
  }
}
