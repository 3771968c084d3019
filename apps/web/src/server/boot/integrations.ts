import type { Logger } from "pino";
import { setProcessSingleton } from "@switchboard/config";
import { createJobsOpsHandler, startIntegrations, type Integrations } from "@switchboard/integrations";
import { createInvitationSender } from "@switchboard/mail";
import type { WebRuntime } from "../web-runtime";

export interface WebIntegrations {
  integrations: Integrations;
  /** GET /jobs/healthz|readyz|stats|metrics; false = not ours. */
  handleOpsRequest: ReturnType<typeof createJobsOpsHandler>;
  close(): Promise<void>;
}

/**
 * The job queue of the web process: it always enqueues (imports, exports, test deliveries) and,
 * in the single process of `npm start` (or JOB_WORKER=in-process), also runs the jobs. Published
 * as a process singleton for Next's bundle (server actions and REST handlers).
 */
export async function startWebIntegrations(runtime: WebRuntime, logger: Logger): Promise<WebIntegrations> {
  const { config, database, box } = runtime;
  const { mail } = config;
  const integrations = await startIntegrations({
    ...(mail ? { sendInvitation: createInvitationSender(mail, (error) => logger.warn({ err: error }, "mailing an imported invitation failed")) } : {}),
    database,
    box,
    logger,
    settings: config.integrations,
    egress: runtime.egress.policy,
    runWorker: config.runJobs
  });
  setProcessSingleton("integrations", integrations);
  logger.info({ jobs: config.runJobs ? "in-process" : "external (npm run worker)" }, "job queue ready");
  return {
    integrations,
    handleOpsRequest: createJobsOpsHandler(integrations.metrics, config.opsToken, "/jobs"),
    async close() {
      setProcessSingleton("integrations", undefined);
      await integrations.stop(8_000);
    }
  };
}
