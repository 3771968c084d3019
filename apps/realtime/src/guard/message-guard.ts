import type { AckCallback, ClientToServerEvents } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { RealtimeSocket } from "../io-types";
import type { MalformedKind, RealtimeMetrics } from "../ops/metrics";
import type { RealtimeOptions } from "../options";
import { TokenBucket } from "./token-bucket";

const CLIENT_EVENTS = [
  "room:join",
  "room:leave",
  "sync:request",
  "presence:list",
  "ticket:watch",
  "ticket:typing",
  "ticket:unwatch",
  "ticket:observe"
] as const;
// Fails to compile when ClientToServerEvents gains an event the guard would reject as unknown.
type Unlisted = Exclude<keyof ClientToServerEvents, (typeof CLIENT_EVENTS)[number]>;
const everyEventListed: Unlisted extends never ? true : never = true;
const KNOWN: ReadonlySet<string> = new Set<string>(everyEventListed ? CLIENT_EVENTS : []);

export interface GuardDeps {
  options: RealtimeOptions;
  metrics: RealtimeMetrics;
  logger: Logger;
}

/** Per-socket discipline: a misbehaving client gets error acks, then loses its connection; nobody else notices. */
export class MessageGuard {
  private strikes = 0;
  private readonly bucket: TokenBucket;

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly deps: GuardDeps
  ) {
    this.bucket = new TokenBucket(deps.options.messageRateLimit.burst, deps.options.messageRateLimit.perSecond);
    socket.use(([event, ...args], next) => {
      const last = args[args.length - 1];
      const ack = typeof last === "function" ? (last as AckCallback<unknown>) : undefined;
      if (!this.bucket.take()) {
        this.deps.metrics.malformed("rate_limited");
        ack?.({ ok: false, error: { code: "rate_limited", message: "too many messages; slow down" } });
        if (this.bucket.exhausted()) this.drop("message flood");
        return;
      }
      if (!KNOWN.has(String(event))) {
        ack?.({ ok: false, error: { code: "bad_request", message: `unknown event "${String(event).slice(0, 50)}"` } });
        this.strike("unknown_event");
        return;
      }
      if (!ack) {
        this.strike("missing_ack");
        return;
      }
      next();
    });
  }

  /** Counts a malformed message; past maxStrikes the socket is disconnected. */
  strike(kind: MalformedKind): void {
    this.deps.metrics.malformed(kind);
    if (++this.strikes >= this.deps.options.maxStrikes) this.drop(`${this.strikes} malformed messages`);
  }

  private drop(reason: string): void {
    if (!this.socket.connected) return;
    this.deps.logger.warn({ socketId: this.socket.id, userId: this.socket.data.user.id, reason }, "disconnecting misbehaving socket");
    this.deps.metrics.forcedDisconnect("abuse");
    this.socket.disconnect(true);
  }
}
