import type { SecretBox } from "@switchboard/auth";
import type { InvitationMail } from "@switchboard/mail";
import type { DbClient } from "@switchboard/db";
import type { EgressGuard } from "@switchboard/egress";
import type { JobQueue } from "../queue/job-queue";
import type { IntegrationSettings } from "../settings";

export type { InvitationMail } from "@switchboard/mail";

/** What integration services and job handlers need: the database, secrets, the queue, the egress guard. */
export interface IntegrationDeps {
  db: DbClient;
  box: SecretBox;
  queue: JobQueue;
  egress: EgressGuard;
  settings: IntegrationSettings;
  /** Mails an invitation (best effort: false when not sent); absent when no mail server is configured. */
  sendInvitation?: (mail: InvitationMail) => Promise<boolean>;
}
