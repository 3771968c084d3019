import { transports } from "engine.io";

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
 * Engine.IO hands ws one packet at a time, and each frame leaves in a writev of its own. A socket
 * that is one write behind (every socket, while a batch of events is broadcast) gets the rest of the
 * batch at its drain as one flush of several packets: several syscalls for one console, the node's
 * largest cost under load. Corking the TCP socket for the length of that flush hands the kernel all
 * of its frames in one writev; frames, order and every write callback stay as they were. Applied
 * once per process, on the transport's prototype: no closure or property per socket.
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
  proto[COALESCED] = true;
}
