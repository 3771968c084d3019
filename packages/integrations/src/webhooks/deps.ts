import type { SecretBox } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";
import type { EgressGuard } from "@switchboard/egress";
import type { JobQueue } from "../queue/job-queue";
import type { IntegrationSettings } from "../settings";

/** What integration services and job handlers need: the database, secrets, the queue, the egress guard. */
export interface IntegrationDeps {
  db: DbClient;
  box: SecretBox;
  queue: JobQueue;
  egress: EgressGuard;
  settings: IntegrationSettings;
}
