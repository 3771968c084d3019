import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import {
  buildPbxStats,
  ConnectorSupervisor,
  createPbxOpsHandler,
  createRedisCallControlClient,
  inProcessGateway,
  offGateway,
  serveCallControl,
  startSimulator,
  withSimulatedOrg,
  type CallControlGateway,
  type PbxStats,
  type Simulator
} from "@switchboard/pbx";
import { registerCallControlGateway } from "../../features/call-control/server/gateway-registry";
import { getWebhookDeliveryCounts, getWebhookStats, type WebhookDeliveryCounts } from "../../features/pbx-webhooks/webhook-stats";
import type { WebRuntime } from "../web-runtime";

const FIRST_CALL_AFTER_MS = 1_000;

export interface PbxServices {
  /** The organization (slug) whose PBX traffic this process simulates, and whether by default. */
  simulating: { org: string; byDefault: boolean } | null;
  stats(): PbxStats & { webhookDeliveries: WebhookDeliveryCounts };
  /** GET /pbx/stats and /pbx/healthz; false = not ours. */
  handleOpsRequest(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

/**
 * The PBX side of the web process, by PBX_CONNECTOR: "embedded" runs the AMI connector supervisor
 * here (and, with REDIS_URL, answers call control for other processes too); "external" reaches
 * the one in `npm run connect` over Redis; "off" has none. The simulator (SIMULATOR=demo, or the
 * embedded demo by default) adds traffic for the demo organization, through the same tracker and
 * db layer as real PBX events; its first call arrives at once so the console moves at first look.
 */
export async function startPbxServices(runtime: WebRuntime, logger: Logger): Promise<PbxServices> {
  const { config, db, box } = runtime;
  const log = logger.child({ component: "pbx" });
  let supervisor: ConnectorSupervisor | undefined;
  let bus: { close(): Promise<void> } | undefined;
  let gateway: CallControlGateway;

  if (config.pbxConnector === "embedded") {
    const running = new ConnectorSupervisor({ db, box, log, egress: runtime.egress });
    supervisor = running;
    await running.start();
    gateway = inProcessGateway(running);
    if (config.redisUrl) bus = await serveCallControl(running, { url: config.redisUrl, keyPrefix: config.redisKeyPrefix, log });
  } else if (config.pbxConnector === "external" && config.redisUrl) {
    gateway = await createRedisCallControlClient({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, log });
  } else {
    gateway = offGateway();
  }

  let simulator: Simulator | undefined;
  if (config.simulator) {
    const org = await db.organization.findUnique({ where: { slug: config.simulator.org }, select: { id: true } });
    const { org: slug, rate, byDefault } = config.simulator;
    if (org) {
      simulator = startSimulator({ db, orgId: org.id, rate, seed: Date.now() % 1_000_000, firstCallAfterMs: FIRST_CALL_AFTER_MS, log });
      gateway = withSimulatedOrg(gateway, org.id, simulator);
      log.info(
        { org: slug, callsPerMinute: rate },
        byDefault ? "simulating PBX traffic for the embedded demo (SIMULATOR=off stops it)" : "simulating PBX traffic (SIMULATOR=demo)"
      );
    } else if (byDefault) {
      log.debug({ org: slug }, "no demo organization: nothing to simulate");
    } else {
      log.warn({ org: slug }, "SIMULATOR=demo but there is no demo organization (SEED_DEMO=true creates it)");
    }
  }

  registerCallControlGateway(gateway);
  log.info({ connector: config.pbxConnector, callControl: gateway.kind, simulator: Boolean(simulator) }, "PBX connector placement");

  const stats = () => ({ ...buildPbxStats({ supervisor, simulator, webhooks: getWebhookStats() }), webhookDeliveries: { ...getWebhookDeliveryCounts() } });
  return {
    simulating: simulator && config.simulator ? { org: config.simulator.org, byDefault: config.simulator.byDefault } : null,
    stats,
    handleOpsRequest: createPbxOpsHandler(stats, config.opsToken),
    async close() {
      registerCallControlGateway(undefined);
      await simulator?.stop().catch((error: unknown) => log.warn({ err: error }, "simulator did not stop cleanly"));
      await bus?.close();
      await gateway.close();
      await supervisor?.stop();
    }
  };
}
