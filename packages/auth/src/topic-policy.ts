import type { Topic, TopicFamily } from "@switchboard/contracts";
import { canReadCalls, canReadExtensions, canReadJobs, canReadTrunks, canManageWebhooks, canSeePresence } from "./policy";
import { canReadQueues } from "./queue-policy";
import { canReadTicket, type TicketAccess } from "./ticket-policy";
import { isStaff, type Viewer } from "./viewer";

/** Who may hold each family. Events are still filtered per viewer: a family only says the page may exist. */
const familyRules: Record<TopicFamily, (viewer: Viewer) => boolean> = {
  calls: canReadCalls,
  extensions: canReadExtensions,
  trunks: canReadTrunks,
  pbx: isStaff,
  // Customers follow their own tickets, their inbox, their account and the departments they pick.
  tickets: () => true,
  notifications: () => true,
  users: () => true,
  offices: () => true,
  jobs: canReadJobs,
  webhooks: canManageWebhooks,
  queues: canReadQueues,
  presence: canSeePresence
};

export type TopicDecision = { ok: true } | { ok: false; code: "forbidden" | "not_found"; reason: string };

/** The families a viewer may hold: what a console that names no topics receives. */
export function readableFamilies(viewer: Viewer): TopicFamily[] {
  return (Object.keys(familyRules) as TopicFamily[]).filter((family) => familyRules[family](viewer));
}

/**
 * Whether a viewer may subscribe to a topic. A ticket topic needs the ticket's access facts as
 * read now (e.g. @switchboard/db's findTicketAccess; undefined when there is no such ticket); a
 * ticket the viewer may not read is answered exactly like one that does not exist.
 */
export function canSubscribeTopic(viewer: Viewer, topic: Topic, ticket?: TicketAccess): TopicDecision {
  if (topic.startsWith("ticket:")) {
    const readable = ticket !== undefined && ticket.orgId === viewer.orgId && canReadTicket(viewer, ticket);
    return readable ? { ok: true } : { ok: false, code: "not_found", reason: `${topic} does not exist` };
  }
  const rule = familyRules[topic as TopicFamily];
  return rule(viewer) ? { ok: true } : { ok: false, code: "forbidden", reason: `your role cannot follow ${topic}` };
}
