import type { SessionUser } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";
import { Coalescer } from "../delivery/coalescer";

export type HandshakeUser = SessionUser & { officeIds: string[] };

/**
 * The user behind each handshake, as the database knows them now, with their offices: what
 * findSessionUser + officeIdsOf return, but for every handshake that arrives while a lookup is
 * running, in two queries instead of two per handshake (a reconnect storm of N consoles made 2N
 * queries, and each query costs the node far more CPU than a socket does). A lookup never starts
 * before the handshake that asks for it (see Coalescer), so a deleted user or changed role still
 * applies from the next connection on.
 */
export class SessionUserLoader {
  private readonly lookups: Coalescer<"users", string, HandshakeUser | null>;

  constructor(private readonly db: DbClient) {
    this.lookups = new Coalescer((_key, ids) => this.load(ids));
  }

  find(userId: string): Promise<HandshakeUser | null> {
    return this.lookups.request("users", userId);
  }

  private async load(ids: readonly string[]): Promise<(HandshakeUser | null)[]> {
    const unique = [...new Set(ids)];
    const [users, memberships] = await Promise.all([
      this.db.user.findMany({ where: { id: { in: unique } }, select: { id: true, organizationId: true, role: true, name: true, email: true } }),
      this.db.officeMember.findMany({ where: { userId: { in: unique } }, select: { userId: true, officeId: true }, orderBy: { officeId: "asc" } })
    ]);
    const offices = new Map<string, string[]>();
    for (const m of memberships) {
      const list = offices.get(m.userId);
      if (list) list.push(m.officeId);
      else offices.set(m.userId, [m.officeId]);
    }
    const byId = new Map(users.map((u) => [u.id, u]));
    return ids.map((id) => {
      const user = byId.get(id);
      if (!user) return null;
      // A fresh officeIds array per handshake: sockets must not share mutable state.
      return { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email, officeIds: [...(offices.get(id) ?? [])] };
    });
  }
}
