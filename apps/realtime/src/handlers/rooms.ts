import { z } from "zod";
import { canJoinRoom, type RoomKind } from "@switchboard/auth";
import { roomRequestSchema, type Ack } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import { rooms } from "../io-types";
import { onRequest, type HandlerContext } from "./on-request";

const uuid = z.uuid();

/** The organization owning a room's subject, as canJoinRoom wants it (undefined = no such subject). */
async function subjectOrgOf(db: DbClient, kind: RoomKind, id: string): Promise<string | undefined> {
  if (kind !== "extension" || !uuid.safeParse(id).success) return undefined;
  const row = await db.extension.findUnique({ where: { id }, select: { organizationId: true } });
  return row?.organizationId;
}

function splitRoom(room: string): { kind: RoomKind; id: string } {
  const colon = room.indexOf(":");
  return { kind: room.slice(0, colon) as RoomKind, id: room.slice(colon + 1) };
}

export function registerRoomHandlers(ctx: HandlerContext, db: DbClient): void {
  const { socket } = ctx;
  const viewer = socket.data.user;

  onRequest(ctx, "room:join", roomRequestSchema, async ({ room }): Promise<Ack<{ room: string }>> => {
    const { kind, id } = splitRoom(room);
    const decision = canJoinRoom(viewer, kind, id, await subjectOrgOf(db, kind, id));
    if (!decision.ok) return { ok: false, error: { code: decision.code, message: decision.reason } };
    await socket.join(room);
    return { ok: true, data: { room } };
  });

  onRequest(ctx, "room:leave", roomRequestSchema, async ({ room }): Promise<Ack<{ room: string }>> => {
    if (room === rooms.org(viewer.orgId) || room === rooms.user(viewer.id)) {
      return { ok: false, error: { code: "bad_request", message: "your organization and user rooms cannot be left" } };
    }
    await socket.leave(room);
    return { ok: true, data: { room } };
  });
}
