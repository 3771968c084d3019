import type { AckCallback } from "@switchboard/contracts";
import type { Logger } from "pino";
import type { RealtimeSocket } from "../io-types";
import type { MalformedKind, RealtimeMetrics } from "../ops/metrics";
import type { RealtimeOptions } from "../options";
import { TokenBucket } from "./token-bucket";

export interface GuardDeps {
  options: RealtimeOptions;
  metrics: RealtimeMetrics;
  logger: Logger;
}

interface GuardState {
  strikes: number;
  bucket: TokenBucket;
}

/**
 * Per-socket discipline: a misbehaving client gets error acks, then loses its connection; nobody
 * else notices. One guard per node; a socket's strikes and rate bucket are made on its first
 * message (an idle console never sends one) and go with the socket.
 */
export class MessageGuard {
  private readonly states = new WeakMap<RealtimeSocket, GuardState>();

  constructor(private readonly deps: GuardDeps) {}

  /** Spends one message of the socket's rate; false = refused (answered, and dropped when flooding). */
  admit(socket: RealtimeSocket, ack: AckCallback<unknown> | undefined): boolean {
    const state = this.stateOf(socket);
    if (state.bucket.take()) return true;
    this.deps.metrics.malformed("rate_limited");
    ack?.({ ok: false, error: { code: "rate_limited", message: "too many messages; slow down" } });
    if (state.bucket.exhausted()) this.drop(socket, "message flood");
    return false;
  }

  /** Counts a malformed message; past maxStrikes the socket is disconnected. */
  strike(socket: RealtimeSocket, kind: MalformedKind): void {
    this.deps.metrics.malformed(kind);
    const state = this.stateOf(socket);
    if (++state.strikes >= this.deps.options.maxStrikes) this.drop(socket, `${state.strikes} malformed messages`);
  }

  private stateOf(socket: RealtimeSocket): GuardState {
    let state = this.states.get(socket);
    if (!state) {
      const { burst, perSecond } = this.deps.options.messageRateLimit;
      state = { strikes: 0, bucket: new TokenBucket(burst, perSecond) };
      this.states.set(socket, state);
    }
    return state;
  }

  private drop(socket: RealtimeSocket, reason: string): void {
    if (!socket.connected) return;
    this.deps.logger.warn({ socketId: socket.id, userId: socket.data.user.id, reason }, "disconnecting misbehaving socket");
    this.deps.metrics.forcedDisconnect("abuse");
    socket.disconnect(true);
  }
}
