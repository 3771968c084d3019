import "server-only";
import { peekProcessSingleton } from "@switchboard/config";
import type { IntegrationDeps, Integrations } from "@switchboard/integrations";

/** The process's job queue and what integration services need (started by server.ts). */
export function getIntegrationDeps(): IntegrationDeps {
  const integrations = peekProcessSingleton<Integrations>("integrations");
  if (!integrations) throw new Error("the job queue is not running in this process");
  return integrations.deps;
}
