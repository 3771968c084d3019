import { z } from "zod";
import { canSeePresence } from "@switchboard/auth";
import type { Ack, PresenceSnapshot } from "@switchboard/contracts";
import type { PresenceService } from "../presence/presence-service";
import { onRequest, type HandlerContext } from "./on-request";

const presenceListSchema = z.strictObject({});

export function registerPresenceHandlers(ctx: HandlerContext, presence: PresenceService): void {
  const viewer = ctx.socket.data.user;
  onRequest(ctx, "presence:list", presenceListSchema, async (): Promise<Ack<PresenceSnapshot>> => {
    if (!canSeePresence(viewer)) return { ok: false, error: { code: "forbidden", message: "your role cannot see who is online" } };
    return { ok: true, data: { members: await presence.list(viewer.orgId) } };
  });
}
