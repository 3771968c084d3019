import { withActor, type DbClient } from "@switchboard/db";

/**
 * Disables an endpoint that kept failing and tells every admin of its organization in their inbox,
 * in one transaction: the endpoint stops, and the notifications exist, together.
 */
export async function disableFailingEndpoint(db: DbClient, endpointId: string, reason: string): Promise<void> {
  await withActor(null, () =>
    db.$transaction(async (tx) => {
      const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { organizationId: true, enabled: true } });
      if (!endpoint?.enabled) return;
      await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { enabled: false, disabledReason: reason, version: { increment: 1 } } });
      const admins = await tx.user.findMany({ where: { organizationId: endpoint.organizationId, role: "admin" }, select: { id: true } });
      for (const admin of admins) {
        await tx.notification.create({
          data: { organizationId: endpoint.organizationId, userId: admin.id, kind: "webhook_disabled", webhookEndpointId: endpointId, excerpt: reason }
        });
      }
    })
  );
}
