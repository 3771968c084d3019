import { z } from "zod";
import { canSeePresence } from "@switchboard/auth";
import type { PresenceService } from "../presence/presence-service";
import { defineRequest, type RequestHandlers } from "./request-handler";

const presenceListSchema = z.strictObject({});

/** An explicit re-read: staff holding the presence topic get presence:snapshot pushed and need not ask. */
export function createPresenceRequests(presence: PresenceService): Pick<RequestHandlers, "presence:list"> {
  return {
    "presence:list": defineRequest(presenceListSchema, async (socket) => {
      const viewer = socket.data.user;
      if (!canSeePresence(viewer)) return { ok: false, error: { code: "forbidden", message: "your role cannot see who is online" } };
      return { ok: true, data: await presence.list(viewer.orgId) };
    })
  };
}
