import type { DomainEvent, EventType } from "@switchboard/contracts";
import { toEnvelope, type Database } from "@switchboard/db";
import type { ChangeMix } from "../drive/change-mix";
import type { BaselineTemplates } from "../drive/writers";

/**
 * Real envelopes from this run's outbox (read after our run, so they are its own updates) for the
 * baseline to send. Mix "extensions": the organization's latest event, as an extension update;
 * "pages": its latest extension, ticket and user event, each as that kind's update.
 */
export async function baselineTemplates(database: Database, orgId: string, mix: ChangeMix): Promise<BaselineTemplates> {
  const latest = async (types: EventType[] | null, as: EventType): Promise<DomainEvent> => {
    const row = await database.raw.outboxEvent.findFirst({
      where: { organizationId: orgId, ...(types ? { type: { in: types } } : {}) },
      orderBy: { seq: "desc" }
    });
    if (!row) throw new Error(`no ${as} to use as the baseline's payload`);
    return { ...toEnvelope(row), type: as } as DomainEvent;
  };
  if (mix === "extensions") return { extension: await latest(null, "extension.updated") };
  return {
    extension: await latest(["extension.updated", "extension.created"], "extension.updated"),
    ticket: await latest(["ticket.updated", "ticket.created"], "ticket.updated"),
    user: await latest(["user.updated", "user.created"], "user.updated")
  };
}
