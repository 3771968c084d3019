import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { EgressGuard } from "@switchboard/egress";
import type { SecretBox } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";
import { CallTracker } from "../tracker/call-tracker";
import type { TrackerStats } from "../tracker/tracker-stats";
import { AmiClient } from "./ami-client";
import { AmiAuthError } from "./ami-errors";
import { AmiLimitError, DEFAULT_AMI_LIMITS, type AmiLimitName, type AmiLimits } from "./ami-limits";
import { actionIdOf, type AmiMessage } from "./ami-message";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
import { CALL_CONTROL_ERRORS, controlCall, type CallControlRequest, type CallControlResult } from "./call-control";
import { ConnectionStatusWriter } from "./connection-status";
import type { ParserStats } from "./frame-parser";
import { DatabaseRepair } from "./database-repair";
import { LIST_EVENTS_APPLIED_LIVE, resyncFromPbx, resyncQueues } from "./resync";

export interface AmiConnectorOptions {
  db: DbClient;
  box: SecretBox;
  /** The PbxConnection row: host, port, username, sealed secret, enabled. */
  connectionId: string;
  log: Logger;
  backoff?: BackoffOptions;
  random?: () => number;
  actionTimeoutMs?: number;
  /** Where outgoing connections may go (checked at every connect). */
  egress: EgressGuard;
  /**
   * After queue activity that contradicts what is recorded, the queues are re-read from the PBX
   * this long after (and at most once per interval), so no queue, caller or agent stays wrong.
   */
  queueResync?: { delayMs: number; minIntervalMs: number };
  /** What this PBX may cost the process (see AmiLimits); past one, its connection is dropped. */
  limits?: Partial<AmiLimits>;
}

const QUEUE_RESYNC = { delayMs: 5_000, minIntervalMs: 60_000 };

export interface ConnectorStats {
  status: string | undefined;
  connects: number;
  parser: ParserStats;
  tracker: TrackerStats;
  /** Connections dropped because the PBX went past a limit, by limit. */
  limitDrops: Partial<Record<AmiLimitName, number>>;
  /** The most the parser held for incomplete frames, and the tracker's longest backlog. */
  peaks: { bufferedBytes: number; trackerBacklog: number };
}

/**
 * Keeps one organization's AMI connection alive: logs in, resyncs, streams events into the call
 * tracker, and on any loss reconnects with exponential backoff and jitter. Wrong credentials set
 * the status to auth_failed and are retried only at the slowest pace (the row is re-read each
 * time, so corrected credentials are picked up).
 */
export class AmiConnector extends EventEmitter<{ status: [string]; resynced: []; message: [AmiMessage] }> {
  readonly tracker: CallTracker;
  private readonly statusWriter: ConnectionStatusWriter;
  private client: AmiClient | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private connects = 0;
  private queueResyncTimer: NodeJS.Timeout | undefined;
  private repair: DatabaseRepair | undefined;
  private lastQueueResync = 0;
  private readonly parserTotals: ParserStats = { frames: 0, garbageLines: 0, malformedFrames: 0, oversizedFrames: 0 };
  private readonly limitDrops: Partial<Record<AmiLimitName, number>> = {};
  private readonly peaks = { bufferedBytes: 0, trackerBacklog: 0 };
  private readonly maxTrackerBacklog: number;

  constructor(
    private readonly options: AmiConnectorOptions,
    orgId: string
  ) {
    super();
    this.maxTrackerBacklog = options.limits?.maxTrackerBacklog ?? DEFAULT_AMI_LIMITS.maxTrackerBacklog;
    this.tracker = new CallTracker({
      db: options.db,
      orgId,
      log: options.log,
      onQueueAnomaly: () => this.scheduleQueueResync(),
      onWriteError: () => this.scheduleRepair()
    });
    this.statusWriter = new ConnectionStatusWriter(options.db, options.connectionId, (status) => this.emit("status", status));
  }

  /** Loads the connection row and starts the connect loop. */
  static async start(options: AmiConnectorOptions): Promise<AmiConnector> {
    const row = await options.db.pbxConnection.findUniqueOrThrow({ where: { id: options.connectionId }, select: { organizationId: true } });
    const connector = new AmiConnector(options, row.organizationId);
    connector.running = connector.loop();
    return connector;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.queueResyncTimer);
    this.repair?.cancel();
    this.wake?.();
    this.client?.close();
    await this.running;
    await this.tracker.idle();
    await this.statusWriter.write("disconnected", null).catch(() => undefined);
  }

  stats(): ConnectorStats {
    const current = this.client?.parser.stats;
    const parser = { ...this.parserTotals };
    if (current) for (const key of Object.keys(parser) as (keyof ParserStats)[]) parser[key] += current[key];
    const peaks = { ...this.peaks, bufferedBytes: Math.max(this.peaks.bufferedBytes, this.client?.peakBufferedBytes ?? 0) };
    return {
      status: this.statusWriter.current(),
      connects: this.connects,
      parser,
      tracker: { ...this.tracker.stats },
      limitDrops: { ...this.limitDrops },
      peaks
    };
  }

  /**
   * Hang up or blind-transfer a live call; answered with success or a clear error. A transfer that
   * names no context is dialled in the connection's dial context, read now so a change applies at
   * once (without one, the PBX's: the call's own, or the ringing extension's for a pick-up).
   */
  async control(request: CallControlRequest): Promise<CallControlResult> {
    const client = this.client;
    if (!client || this.statusWriter.current() !== "connected") return CALL_CONTROL_ERRORS.notConnected;
    if (request.action !== "blind_transfer" || request.context !== undefined) return controlCall(client, this.tracker, request);
    const row = await this.options.db.pbxConnection.findUnique({ where: { id: this.options.connectionId }, select: { dialContext: true } });
    return controlCall(client, this.tracker, row?.dialContext ? { ...request, context: row.dialContext } : request);
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const outcome = await this.session().catch((error: unknown) => {
        this.options.log.error({ err: error }, "AMI session failed unexpectedly");
        return "retry" as const;
      });
      if (this.stopped) break;
      // A PBX dropped for going past a limit backs off like a failing one, however long it was connected.
      attempt = outcome === "connected" ? 1 : attempt + 1;
      const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
      const delay = outcome === "auth_failed" ? backoff.maxMs : backoffDelay(attempt, backoff, this.options.random);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** One connection's life; tells the loop how it ended. */
  private async session(): Promise<"connected" | "auth_failed" | "limited" | "retry"> {
    const { db, box, log } = this.options;
    const row = await db.pbxConnection.findUnique({ where: { id: this.options.connectionId } });
    if (!row || !row.enabled) {
      await this.statusWriter.write("disconnected", row ? "integration disabled" : "integration removed");
      return "retry";
    }
    if (this.statusWriter.current() !== "auth_failed") await this.statusWriter.write("connecting", row.lastError);
    const client = new AmiClient(
      {
        host: row.host,
        port: row.port,
        username: row.username,
        secret: box.open(row.secretEnc),
        actionTimeoutMs: this.options.actionTimeoutMs,
        egress: this.options.egress,
        limits: this.options.limits
      },
      // Only the current session feeds the tracker, whatever happens to a retired one.
      (message) => {
        if (this.client === client) this.dispatch(client, message);
      }
    );
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.retire(client);
      if (error instanceof AmiAuthError) {
        log.warn({ host: row.host }, "AMI login refused");
        await this.statusWriter.write("auth_failed", "authentication failed: check the AMI username and secret");
        return "auth_failed";
      }
      await this.statusWriter.write("disconnected", error instanceof Error ? error.message : String(error));
      return "retry";
    }
    if (this.stopped) {
      // stop() ran while we were connecting, before it could see this client.
      this.retire(client);
      return "retry";
    }
    const closed = new Promise<Error | undefined>((resolve) => client.onClose(resolve));
    this.connects++;
    let error: Error | undefined;
    try {
      await this.statusWriter.write("connected", null);
      log.info({ host: row.host, port: row.port }, "AMI connected; resyncing");
      await resyncFromPbx(client, this.tracker, log);
      this.lastQueueResync = Date.now();
      this.emit("resynced");
      error = await closed;
    } finally {
      // Whatever failed after the login, this session ends here: the next one is the only one.
      this.retire(client);
    }
    if (error instanceof AmiLimitError) {
      this.limitDrops[error.limit] = (this.limitDrops[error.limit] ?? 0) + 1;
      log.warn({ host: row.host, limit: error.limit }, `PBX connection dropped: ${error.message}`);
    }
    if (!this.stopped) await this.statusWriter.write("disconnected", error?.message ?? "connection closed");
    return error instanceof AmiLimitError ? "limited" : "connected";
  }

  /** A queue resync soon, unless one is already planned; never more often than the minimum interval. */
  private scheduleQueueResync(): void {
    if (this.queueResyncTimer || this.stopped) return;
    const { delayMs, minIntervalMs } = this.options.queueResync ?? QUEUE_RESYNC;
    const wait = Math.max(delayMs, this.lastQueueResync + minIntervalMs - Date.now());
    this.queueResyncTimer = setTimeout(() => {
      this.queueResyncTimer = undefined;
      const client = this.client;
      if (!client || this.stopped || this.statusWriter.current() !== "connected") return;
      this.lastQueueResync = Date.now();
      this.options.log.info("re-reading the queues after queue activity that contradicted what is recorded");
      void resyncQueues(client, this.tracker, this.options.log).then(() => this.emit("resynced"));
    }, wait);
    this.queueResyncTimer.unref();
  }

  /**
   * A write failed (PostgreSQL restarting, unreachable): the PBX's events meanwhile are lost to the
   * database, and the AMI connection that never dropped would not resync by itself. Once the
   * database answers again, the current session re-reads everything from the PBX, so a call that
   * ended during the outage is ended. Failures during that resync plan another one.
   */
  private scheduleRepair(): void {
    if (this.repair || this.stopped) return;
    const { db, connectionId, log } = this.options;
    log.warn("PBX activity could not be written; resyncing from the PBX once the database answers");
    this.repair = new DatabaseRepair(
      () => db.pbxConnection.findUnique({ where: { id: connectionId }, select: { id: true } }).then(() => undefined),
      async () => {
        this.repair = undefined;
        const client = this.client;
        // No session: the next login resyncs anyway.
        if (!client || this.stopped || this.statusWriter.current() !== "connected") return;
        log.info("database reachable again; resyncing from the PBX");
        await resyncFromPbx(client, this.tracker, log);
        this.emit("resynced");
      },
      log,
      this.options.random
    );
  }

  private retire(client: AmiClient): void {
    client.close();
    this.peaks.bufferedBytes = Math.max(this.peaks.bufferedBytes, client.peakBufferedBytes);
    for (const key of Object.keys(this.parserTotals) as (keyof ParserStats)[]) this.parserTotals[key] += client.parser.stats[key];
    if (this.client === client) this.client = undefined;
  }

  private dispatch(client: AmiClient, message: AmiMessage): void {
    if (message.kind !== "event") return;
    this.emit("message", message);
    // List answers are consumed by their action, except those that read like live changes.
    if (actionIdOf(message) !== undefined && !LIST_EVENTS_APPLIED_LIVE.has(message.name.toLowerCase())) return;
    void this.tracker.handleEvent(message);
    const backlog = this.tracker.backlog;
    this.peaks.trackerBacklog = Math.max(this.peaks.trackerBacklog, backlog);
    if (backlog > this.maxTrackerBacklog) {
      client.fail(new AmiLimitError("maxTrackerBacklog", `the PBX sent events faster than they could be applied (over ${this.maxTrackerBacklog} waiting)`));
    }
  }
}
