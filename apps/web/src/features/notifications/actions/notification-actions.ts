"use server";

import { z } from "zod";
import { markAllNotificationsRead, markNotificationRead, parseInput } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

// Only the recipient's own entries: the service scopes every query to the signed-in user.

const notificationId = z.uuid({ error: "notification id must be a valid id" });

export async function markNotificationReadAction(id: string) {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    const read = await markNotificationRead(getRuntime().services, viewer, parseInput(notificationId, id));
    return { id: read.id };
  });
}

export async function markAllNotificationsReadAction() {
  const viewer = await requireViewer();
  return toActionResult(() => markAllNotificationsRead(getRuntime().services, viewer));
}
