import type { SessionUser } from "@switchboard/auth";
import type { Role, UserStatus } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import { Coalescer } from "../delivery/coalescer";

const LOOKUP_GATHER_MS = 15;

type HandshakeUser = SessionUser & { officeIds: string[] };

/**
 * A user's access as of one moment: who they are, their state and session version, their offices,
 * and `seq`, the organization's last committed event at that moment. Every user.* event up to
 * `seq` is already reflected here, so a node applies to a socket only the user's events after it.
 */
export interface AccessSnapshot {
  user: Omit<HandshakeUser, "sessionVersion">;
  status: UserStatus;
  sessionVersion: number;
  seq: number;
  /** How far the relay had published the organization's events at that moment (as `publishedSeq` in @switchboard/db). */
  publishedSeq: number;
}

interface Row {
  id: string;
  organization_id: string;
  role: Role;
  name: string;
  email: string;
  status: UserStatus;
  session_version: number;
  seq: bigint | number | string;
  published_seq: bigint | number | string;
  office_ids: string[];
}

/**
 * The users behind handshakes (and access re-checks), as the database knows them now: every
 * request that arrives while a lookup is running joins the next one, which reads all of them in one
 * statement — one snapshot, so the user rows and the organization's seq agree (a reconnect storm of
 * N consoles made 2N queries before, and each query costs the node far more CPU than a socket
 * does). A lookup never starts before the request that asks for it (see Coalescer), so a deleted,
 * deactivated or changed user applies from the next connection on.
 */
export class SessionUserLoader {
  private readonly lookups: Coalescer<"users", string, AccessSnapshot | null>;

  constructor(private readonly db: DbClient) {
    // Gathered for a few milliseconds: at a few hundred handshakes a second few overlap a running
    // lookup or share a loop turn, and each query costs the node (a write and a pass through the
    // client) and PostgreSQL far more than a handshake waiting that long does.
    this.lookups = new Coalescer((_key, ids) => this.load(ids), { gatherMs: LOOKUP_GATHER_MS });
  }

  find(userId: string): Promise<AccessSnapshot | null> {
    return this.lookups.request("users", userId);
  }

  private async load(ids: readonly string[]): Promise<(AccessSnapshot | null)[]> {
    const unique = [...new Set(ids)];
    const rows = await this.db.$queryRawUnsafe<Row[]>(
      `SELECT u.id::text AS id, u.organization_id::text AS organization_id, u.role::text AS role, u.name, u.email, u.status::text AS status,
              u.session_version, COALESCE(s.value, 0) AS seq,
              COALESCE(
                (SELECT min(o.seq) - 1 FROM outbox_events o WHERE o.organization_id = u.organization_id AND o.published_at IS NULL),
                s.value,
                0
              ) AS published_seq,
              COALESCE(array_agg(m.office_id::text ORDER BY m.office_id) FILTER (WHERE m.office_id IS NOT NULL), '{}') AS office_ids
         FROM users u
         LEFT JOIN org_sequences s ON s.organization_id = u.organization_id
         LEFT JOIN office_members m ON m.user_id = u.id
        WHERE u.id = ANY($1::uuid[])
        GROUP BY u.id, s.value`,
      unique
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return null;
      // A fresh officeIds array per request: sockets must not share mutable state.
      return {
        user: { id: row.id, orgId: row.organization_id, role: row.role, name: row.name, email: row.email, officeIds: [...row.office_ids] },
        status: row.status,
        sessionVersion: Number(row.session_version),
        seq: Number(row.seq),
        publishedSeq: Number(row.published_seq)
      };
    });
  }
}
