import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { SecretBox } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";
import type { EgressGuard } from "@switchboard/egress";
import { CALL_CONTROL_ERRORS, type CallControlRequest, type CallControlResult } from "./call-control";
import { AmiConnector, type ConnectorStats } from "./ami-connector";
import type { AmiMessage } from "./ami-message";

export interface SupervisorOptions {
  db: DbClient;
  box: SecretBox;
  log: Logger;
  /** Where AMI connections may go: checked at every connect. */
  egress: EgressGuard;
  /** How often the configured connections are re-read (added, enabled, disabled, removed). */
  refreshMs?: number;
}

/**
 * Runs one AMI connector per enabled PBX connection configured in the console, starting and
 * stopping them as the configuration changes. This is what `npm run connect -w @switchboard/pbx`
 * (or a host process) runs; `/stats` reads `stats()` and call control goes through `control()`.
 */
export class ConnectorSupervisor extends EventEmitter<{
  status: [orgId: string, status: string];
  resynced: [orgId: string];
  message: [orgId: string, message: AmiMessage];
}> {
  private readonly connectors = new Map<string, { orgId: string; connector: AmiConnector; config: string }>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly options: SupervisorOptions) {
    super();
  }

  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.options.refreshMs ?? 30_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.syncing;
    await Promise.all([...this.connectors.values()].map(({ connector }) => connector.stop()));
    this.connectors.clear();
  }

  stats(): Record<string, ConnectorStats> {
    return Object.fromEntries([...this.connectors.entries()].map(([id, { orgId, connector }]) => [orgId, { ...connector.stats(), connectionId: id }]));
  }

  /** Re-reads the configured connections now (an admin just changed one) instead of at the next tick. */
  refresh(): Promise<void> {
    return this.sync();
  }

  /** Resolves once every connector has applied the events it has received. */
  async idle(): Promise<void> {
    await Promise.all([...this.connectors.values()].map(({ connector }) => connector.tracker.idle()));
  }

  /** Whether this supervisor runs a connector for the organization (configured and enabled). */
  owns(orgId: string): boolean {
    return [...this.connectors.values()].some((c) => c.orgId === orgId);
  }

  /** Call control for an organization's PBX. */
  control(orgId: string, request: CallControlRequest): Promise<CallControlResult> {
    const entry = [...this.connectors.values()].find((c) => c.orgId === orgId);
    if (!entry) return Promise.resolve(CALL_CONTROL_ERRORS.notConnected);
    return entry.connector.control(request);
  }

  private sync(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      try {
        const rows = await this.options.db.pbxConnection.findMany({
          where: { enabled: true },
          select: { id: true, organizationId: true, host: true, port: true, username: true, secretEnc: true }
        });
        // Changed host, port or credentials: reconnect with the new ones right away.
        const wanted = new Map(rows.map((r) => [r.id, `${r.host}:${r.port}:${r.username}:${r.secretEnc}`]));
        for (const [id, { connector, config }] of this.connectors) {
          if (wanted.get(id) === config) continue;
          this.connectors.delete(id);
          await connector.stop();
        }
        for (const row of rows) {
          if (this.connectors.has(row.id)) continue;
          const connector = await AmiConnector.start({
            db: this.options.db,
            box: this.options.box,
            connectionId: row.id,
            egress: this.options.egress,
            log: this.options.log.child({ connectionId: row.id })
          });
          connector.on("status", (status) => this.emit("status", row.organizationId, status));
          connector.on("resynced", () => this.emit("resynced", row.organizationId));
          connector.on("message", (message) => this.emit("message", row.organizationId, message));
          this.connectors.set(row.id, { orgId: row.organizationId, connector, config: wanted.get(row.id) ?? "" });
        }
      } catch (error) {
        this.options.log.error({ err: error }, "reading PBX connections failed");
      }
    });
    return this.syncing;
  }
}
