import { z } from "zod";
import { canJoinRoom, type RoomKind, type TicketAccess } from "@switchboard/auth";
import { roomRequestSchema } from "@switchboard/contracts";
import { findOfficeOrgId, findTicketAccess, type DbClient } from "@switchboard/db";
import { rooms } from "../io-types";
import { defineRequest, type RequestHandlers } from "./request-handler";

const uuid = z.uuid();

interface RoomSubject {
  /** The organization owning the room's subject (undefined = no such subject). */
  orgId: string | undefined;
  ticket?: TicketAccess;
}

/** What canJoinRoom needs to know about a room's subject, read fresh so a moved ticket is judged as it is now. */
async function subjectOf(db: DbClient, kind: RoomKind, id: string): Promise<RoomSubject> {
  switch (kind) {
    case "extension": {
      if (!uuid.safeParse(id).success) return { orgId: undefined };
      const row = await db.extension.findUnique({ where: { id }, select: { organizationId: true } });
      return { orgId: row?.organizationId };
    }
    case "office":
      return { orgId: await findOfficeOrgId(db, id) };
    case "ticket": {
      const ticket = await findTicketAccess(db, id);
      return ticket ? { orgId: ticket.orgId, ticket } : { orgId: undefined };
    }
    case "org":
    case "user":
      return { orgId: undefined };
  }
}

function splitRoom(room: string): { kind: RoomKind; id: string } {
  const colon = room.indexOf(":");
  return { kind: room.slice(0, colon) as RoomKind, id: room.slice(colon + 1) };
}

export function createRoomRequests(db: DbClient): Pick<RequestHandlers, "room:join" | "room:leave"> {
  return {
    "room:join": defineRequest(roomRequestSchema, async (socket, { room }) => {
      const { kind, id } = splitRoom(room);
      const subject = await subjectOf(db, kind, id);
      const decision = canJoinRoom(socket.data.user, kind, id, subject.orgId, subject.ticket);
      if (!decision.ok) return { ok: false, error: { code: decision.code, message: decision.reason } };
      await socket.join(room);
      return { ok: true, data: { room } };
    }),
    "room:leave": defineRequest(roomRequestSchema, async (socket, { room }) => {
      const viewer = socket.data.user;
      if (room === rooms.org(viewer.orgId) || room === rooms.user(viewer.id)) {
        return { ok: false, error: { code: "bad_request", message: "your organization and user rooms cannot be left" } };
      }
      await socket.leave(room);
      return { ok: true, data: { room } };
    })
  };
}
