import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import type { ClientToServerEvents, DomainEvent, ServerToClientEvents } from "@switchboard/contracts";
import { nowMs } from "../metrics/clock";
import { Histogram } from "../metrics/histogram";
import { ConsoleTracker } from "./console-tracker";
import { LatencyBook } from "./latency-book";
import type { ConsoleSpec, ControllerMessage, OpenCommand, WorkerMessage } from "./protocol";

/**
 * A load-generator process: holds a share of the simulated consoles (real socket.io-client
 * connections, authenticated and resuming like the web console) and checks every event they get.
 */
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface SimConsole {
  spec: ConsoleSpec;
  tracker: ConsoleTracker;
  socket: ClientSocket;
  openedAt: number;
  everSynced: boolean;
  connected: boolean;
  synced: boolean;
  /** Storm epoch this console last finished a sync in. */
  syncEpoch: number;
}

const workerId = Number(process.argv[2] ?? 0);
const consoles: SimConsole[] = [];
const book = new LatencyBook();
const connectLatency = new Histogram();
const receiversPerOrg = new Map<string, number>();
const completion = new Map<string, Map<number, number>>();
let trackCompletion = false;
let completedBatch: Array<[string, number]> = [];
let measuring = false;
let deliveriesSinceReport = 0;
let connected = 0;
let synced = 0;
let connectErrors = 0;
const connectErrorReasons: Record<string, number> = {};
let disconnects = 0;
let firstOpenAt = 0;
let lastFirstSyncAt = 0;
let stormEpoch = 0;
let resyncedInEpoch = 0;
let lastResyncedAt: number | null = null;
let replayedEvents = 0;
let offline = false;
/** Envelope size, sampled (one delivery in 512), to compare what ours and the baseline carry. */
let sampledBytes = 0;
let sampledEvents = 0;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

function onEvent(c: SimConsole, event: DomainEvent): void {
  const arrival = nowMs();
  c.tracker.onEvent(event.seq);
  if ((c.tracker.received & 511) === 1) {
    sampledBytes += JSON.stringify(event).length;
    sampledEvents += 1;
  }
  if (!c.synced) replayedEvents += 1;
  if (measuring) deliveriesSinceReport += 1;
  book.deliver(event.orgId, event.seq, arrival);
  if (trackCompletion && c.spec.receives) countCompletion(event.orgId, event.seq);
}

function countCompletion(orgId: string, seq: number): void {
  let org = completion.get(orgId);
  if (!org) {
    org = new Map();
    completion.set(orgId, org);
  }
  const n = (org.get(seq) ?? 0) + 1;
  if (n < (receiversPerOrg.get(orgId) ?? 0)) {
    org.set(seq, n);
    return;
  }
  org.delete(seq);
  if (completedBatch.length === 0) setImmediate(flushCompleted);
  completedBatch.push([orgId, seq]);
}

function flushCompleted(): void {
  const items = completedBatch;
  completedBatch = [];
  if (items.length) send({ type: "completed", items });
}

function onSynced(c: SimConsole, release: () => void): void {
  if (!c.synced) {
    c.synced = true;
    synced += 1;
  }
  if (!c.everSynced) {
    c.everSynced = true;
    const at = nowMs();
    connectLatency.record((at - c.openedAt) * 1000);
    lastFirstSyncAt = at;
    release();
  }
  if (stormEpoch > 0 && c.syncEpoch !== stormEpoch) {
    c.syncEpoch = stormEpoch;
    resyncedInEpoch += 1;
    lastResyncedAt = nowMs();
    if (resyncedInEpoch === consoles.length) send({ type: "recovered", workerId, at: lastResyncedAt });
  }
}

function openConsole(spec: ConsoleSpec, release: () => void): void {
  const tracker = new ConsoleTracker(spec.orgId, spec.receives, spec.startSeq);
  const options: Partial<ManagerOptions & SocketOptions> & { localAddress: string } = {
    path: "/socket.io",
    transports: ["websocket"],
    // One engine connection per console, as separate browser tabs have.
    forceNew: true,
    // The web console's reconnection settings.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    localAddress: spec.localAddress,
    auth: (cb) =>
      cb({
        ...(spec.token ? { token: spec.token } : {}),
        ...(spec.room ? { room: spec.room } : {}),
        lastSeq: tracker.lastSeq
      })
  };
  const socket: ClientSocket = io(spec.url, options);
  const c: SimConsole = { spec, tracker, socket, openedAt: nowMs(), everSynced: false, connected: false, synced: false, syncEpoch: 0 };
  consoles.push(c);
  socket.on("connect", () => {
    c.connected = true;
    connected += 1;
  });
  socket.on("disconnect", () => {
    if (c.connected) connected -= 1;
    if (c.synced) synced -= 1;
    c.connected = false;
    c.synced = false;
    if (!offline) disconnects += 1;
  });
  socket.on("connect_error", (error) => {
    connectErrors += 1;
    const reason = (error as Error & { data?: { code?: string } }).data?.code ?? error.message;
    connectErrorReasons[reason] = (connectErrorReasons[reason] ?? 0) + 1;
    // A refusal by the server's middleware is not retried by socket.io itself; the console retries.
    if (!socket.active && !offline) setTimeout(() => socket.connect(), 500 + Math.random() * 1000);
  });
  socket.on("event", (event) => onEvent(c, event));
  socket.on("sync:page", (page, ack) => {
    for (const event of page.events) onEvent(c, event);
    ack();
  });
  socket.on("sync:done", (info) => {
    c.tracker.onSynced(info.seq);
    onSynced(c, release);
  });
  socket.on("sync:resync", (info) => {
    c.tracker.onResync(info.seq);
    onSynced(c, release);
  });
}

function open(command: OpenCommand): void {
  for (const spec of command.consoles) {
    if (spec.receives) receiversPerOrg.set(spec.orgId, (receiversPerOrg.get(spec.orgId) ?? 0) + 1);
  }
  const queue = [...command.consoles];
  let inFlight = 0;
  let done = 0;
  firstOpenAt = nowMs();
  const next = () => {
    while (inFlight < command.concurrency && queue.length > 0) {
      const spec = queue.shift();
      if (!spec) break;
      inFlight += 1;
      let released = false;
      openConsole(spec, () => {
        if (released) return;
        released = true;
        inFlight -= 1;
        done += 1;
        if (done === command.consoles.length) send({ type: "opened", workerId, connected, failed: command.consoles.length - synced });
        next();
      });
    }
  };
  next();
}

function totals() {
  let received = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let unauthorized = 0;
  let resyncs = 0;
  for (const c of consoles) {
    received += c.tracker.received;
    duplicates += c.tracker.duplicates;
    outOfOrder += c.tracker.outOfOrder;
    unauthorized += c.tracker.unauthorized;
    resyncs += c.tracker.resyncs;
  }
  return { received, duplicates, outOfOrder, unauthorized, resyncs };
}

function report(): void {
  const { duplicates, outOfOrder, unauthorized, resyncs } = totals();
  send({
    type: "progress",
    workerId,
    opened: consoles.length,
    connected,
    synced,
    connectErrors,
    disconnects,
    deliveries: deliveriesSinceReport,
    latency: book.interval.toSparse(),
    duplicates,
    outOfOrder,
    unauthorized,
    resyncs
  });
  deliveriesSinceReport = 0;
  book.interval.reset();
}

function handle(message: ControllerMessage): void {
  switch (message.type) {
    case "open":
      return open(message);
    case "commits":
      for (const [orgId, seq, at] of message.items) book.commit(orgId, seq, at);
      return;
    case "measure":
      measuring = message.on;
      return;
    case "track-completion":
      trackCompletion = message.on;
      completion.clear();
      return;
    case "offline":
      offline = true;
      for (const c of consoles) c.socket.disconnect();
      send({ type: "storm", workerId, phase: "offline", at: nowMs() });
      return;
    case "online":
      offline = false;
      stormEpoch += 1;
      resyncedInEpoch = 0;
      for (const c of consoles) c.socket.connect();
      send({ type: "storm", workerId, phase: "online", at: nowMs() });
      return;
    case "check": {
      let behind = 0;
      for (const c of consoles) {
        const head = message.heads[c.spec.orgId] ?? 0;
        if (c.spec.receives && !c.tracker.caughtUp(head)) behind += 1;
      }
      send({ type: "checked", workerId, caughtUp: behind === 0, behind });
      return;
    }
    case "finish": {
      measuring = false;
      report();
      const t = totals();
      let lost = 0;
      for (const c of consoles) lost += c.tracker.lost(message.heads[c.spec.orgId] ?? 0);
      send({
        type: "final",
        workerId,
        consoles: consoles.length,
        ...t,
        lost,
        untimed: book.untimed(),
        connectLatency: connectLatency.toSparse(),
        openWindowMs: lastFirstSyncAt - firstOpenAt,
        lastResyncedAt,
        replayedEvents,
        connectErrorReasons,
        eventBytes: sampledEvents ? Math.round(sampledBytes / sampledEvents) : 0
      });
      return;
    }
    case "close":
      for (const c of consoles) c.socket.disconnect();
      setTimeout(() => process.exit(0), 200);
      return;
  }
}

process.on("message", (message: ControllerMessage) => {
  try {
    handle(message);
  } catch (error) {
    send({ type: "error", workerId, message: (error as Error).stack ?? String(error) });
  }
});
process.on("disconnect", () => process.exit(0));
setInterval(report, 1000);
