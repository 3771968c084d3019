import { familyOfEvent, type DomainEvent } from "@switchboard/contracts";
import { nowMs } from "../metrics/clock";
import { Histogram } from "../metrics/histogram";
import { CompletionCounter } from "./completion-counter";
import { lostTotal, pageTotals, trackerTotals } from "./console-totals";
import { openSocket, type ClientSocket } from "./console-socket";
import { ConsoleTracker } from "./console-tracker";
import { FamilyLog } from "./family-log";
import { LatencyBook } from "./latency-book";
import type { ConsoleSpec, ControllerMessage, OpenCommand, WorkerMessage } from "./protocol";

/**
 * A load-generator process: holds a share of the simulated consoles (real socket.io-client
 * connections, authenticated and resuming like the web console) and checks every event they get.
 */
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
const families = new FamilyLog();
const connectLatency = new Histogram();
const completion = new CompletionCounter((items) => send({ type: "completed", items }));
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
  c.tracker.onEvent(event.seq, familyOfEvent(event.type));
  if ((c.tracker.received & 511) === 1) {
    sampledBytes += JSON.stringify(event).length;
    sampledEvents += 1;
  }
  if (!c.synced) replayedEvents += 1;
  if (measuring) deliveriesSinceReport += 1;
  book.deliver(event.orgId, event.seq, arrival);
  if (completion.on && c.spec.receives) completion.delivered(event.orgId, event.seq);
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
  const page = spec.topics ? { topics: new Set(spec.topics), familyOf: (seq: number) => families.familyOf(spec.orgId, seq) } : null;
  const tracker = new ConsoleTracker(spec.orgId, spec.receives, spec.startSeq, page);
  const socket = openSocket(spec, tracker);
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
    if (spec.receives) completion.addReceiver(spec.orgId);
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

function report(): void {
  const { duplicates, outOfOrder, unauthorized, offTopic, resyncs } = trackerTotals(consoles);
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
    offTopic,
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
      for (const [orgId, seq, at, family] of message.items) {
        book.commit(orgId, seq, at);
        if (family) families.record(orgId, seq, family);
      }
      return;
    case "measure":
      measuring = message.on;
      return;
    case "track-completion":
      completion.switch(message.on);
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
      send({
        type: "final",
        workerId,
        consoles: consoles.length,
        ...trackerTotals(consoles),
        lost: lostTotal(consoles, message.heads),
        pages: pageTotals(consoles, message.heads),
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
