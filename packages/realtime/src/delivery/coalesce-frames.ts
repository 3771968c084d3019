import { Socket as EngineSocket, transports } from "engine.io";

type WebSocketTransport = InstanceType<(typeof transports)["websocket"]>;
type Packets = Parameters<WebSocketTransport["send"]>[0];

interface Corkable {
  cork(): void;
  uncork(): void;
}

/** What the transport holds: ws's WebSocket, whose `_socket` is the TCP connection (ws internals). */
type WithRawSocket = { socket?: { _socket?: Corkable } };

const COALESCED = Symbol.for("switchboard.realtime.coalescedFrames");

/**
 * Engine.IO writes a socket's first packet the moment it is sent and holds the rest until that
 * write completes, then hands ws the rest one packet at a time; each frame left in a writev of its
 * own. So a batch of events (a relay round, a Redis read) cost every console two flushes and a
 * syscall per frame — the node's largest cost under load — and a connect wrote its acknowledgement
 * and `server:status` separately. Now a socket's flush waits for the end of the current tick, so
 * everything sent to it in one synchronous run leaves together, and the TCP socket is corked for the
 * length of a flush, so its frames reach the kernel in one writev. Frames, order and every write
 * callback stay as they were. Applied once per process, on engine.io's prototypes: no closure per
 * socket.
 */
export function coalesceWebSocketFrames(): void {
  const proto = transports.websocket.prototype as WebSocketTransport & { [COALESCED]?: true };
  if (proto[COALESCED]) return;
  const send = proto.send;
  proto.send = function sendCorked(this: WebSocketTransport, packets: Packets): void {
    const raw = packets.length > 1 ? (this as unknown as WithRawSocket).socket?._socket : undefined;
    if (!raw) return send.call(this, packets);
    raw.cork();
    try {
      send.call(this, packets);
    } finally {
      raw.uncork();
    }
  };
  deferFlushes();
  proto[COALESCED] = true;
}

/** ws's WebSocketServer: `completeUpgrade(extensions, key, protocols, req, socket, head, cb)` is internal to ws. */
type UpgradingServer = { completeUpgrade(...args: unknown[]): unknown; [COALESCED]?: true };

const uncork = (socket: Corkable) => socket.uncork();

/**
 * ws writes the upgrade's 101 response, and engine.io's open packet follows a moment later in a
 * write of its own: two syscalls per connect where one will do. The TCP socket is corked across
 * the upgrade and uncorked once the loop turn's callbacks (the handshake and its deferred flush)
 * have run, so both leave in one writev. Patched on the prototype of engine.io's ws server, once
 * per process: engine.io makes a new one whenever the HTTP server starts listening.
 */
export function coalesceUpgradeWrites(engine: object): void {
  // engine.io's `ws` is private: the ws server it created for upgrades (none without the websocket transport).
  const server = (engine as { ws?: object }).ws;
  const proto = server ? (Object.getPrototypeOf(server) as UpgradingServer) : undefined;
  if (!proto || typeof proto.completeUpgrade !== "function" || proto[COALESCED]) return;
  const complete = proto.completeUpgrade;
  proto.completeUpgrade = function completeUpgradeCorked(this: unknown, ...args: unknown[]): unknown {
    const socket = args[4] as Corkable | undefined;
    if (!socket) return complete.apply(this, args);
    socket.cork();
    try {
      return complete.apply(this, args);
    } finally {
      setImmediate(uncork, socket);
    }
  };
  proto[COALESCED] = true;
}

const FLUSH_DUE = Symbol("switchboard.realtime.flushDue");
const SENT_AT = Symbol("switchboard.realtime.sentAt");

/** Engine.IO's socket as the deferral sees it (`flush` and `writeBuffer` are internal to engine.io). */
type Flushing = { flush(): void; writeBuffer?: unknown[]; [FLUSH_DUE]?: boolean; [SENT_AT]?: number };

/**
 * When the node last flushed packets to this engine.io socket (ms since epoch; 0: never, or the
 * deferral is not in place): any frame, event, acknowledgement or ping, proves the node alive to
 * the console's watchdog as well as a heartbeat does.
 */
export function lastSentAt(conn: object): number {
  return (conn as Flushing)[SENT_AT] ?? 0;
}

function deferFlushes(): void {
  const socketProto = EngineSocket.prototype as unknown as Flushing;
  const flush = socketProto.flush;
  const flushNow = (socket: Flushing) => {
    socket[FLUSH_DUE] = false;
    if (socket.writeBuffer?.length) socket[SENT_AT] = Date.now();
    flush.call(socket);
  };
  socketProto.flush = function flushAtTickEnd(this: Flushing): void {
    if (this[FLUSH_DUE]) return;
    this[FLUSH_DUE] = true;
    process.nextTick(flushNow, this);
  };
}
