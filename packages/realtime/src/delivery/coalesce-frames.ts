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

const FLUSH_DUE = Symbol("switchboard.realtime.flushDue");

/** Engine.IO's socket as the deferral sees it (`flush` is internal to engine.io). */
type Flushing = { flush(): void; [FLUSH_DUE]?: boolean };

function deferFlushes(): void {
  const socketProto = EngineSocket.prototype as unknown as Flushing;
  const flush = socketProto.flush;
  const flushNow = (socket: Flushing) => {
    socket[FLUSH_DUE] = false;
    flush.call(socket);
  };
  socketProto.flush = function flushAtTickEnd(this: Flushing): void {
    if (this[FLUSH_DUE]) return;
    this[FLUSH_DUE] = true;
    process.nextTick(flushNow, this);
  };
}
