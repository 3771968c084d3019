import type { SecretBox } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";
import type { EgressGuard } from "@switchboard/egress";
import type { JobQueue } from "../queue/job-queue";
import type { IntegrationSettings } from "../settings";

/** An invitation a job created, to mail to its invitee. */
export interface InvitationMail {
  email: string;
  name: string;
  url: string;
  expiresAt: Date;
  organizationName: string;
  sender: string;
}

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
