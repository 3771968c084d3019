import { pino, type Logger } from "pino";
import type { DbClient } from "@switchboard/db";
import { seededRandom } from "../shared/seeded-random";
import { CallTracker } from "../tracker/call-tracker";
import type { TrackerStats } from "../tracker/tracker-stats";
import type { CallControlRequest, CallControlResult } from "../ami/call-control";
import { controlSimulatedCall } from "./sim-control";
import { inboundCall, initialRegistrations, internalCall, outboundCall, statusFlap } from "./scenarios";
import { isQueueControl } from "../ami/call-control";
import { controlSimulatedQueue } from "./sim-queue-control";
import { agentPause, queueCall } from "./sim-queue-scenarios";
import { loadSimQueues } from "./sim-queues";
import { SimTimeline } from "./sim-clock";
import { SimWorld } from "./sim-world";

export interface SimulatorOptions {
  db: DbClient;
  orgId: string;
  /** New calls per minute (Poisson arrivals). */
  rate: number;
  /**
   * Simulated ms from the start to the first call; unset draws it like every later arrival. A
   * console that opens on a fresh simulator then sees a call at once rather than after a random wait.
   */
  firstCallAfterMs?: number;
  /** Same seed, same traffic. */
  seed?: number;
  /** Stop starting calls after this much simulated time; unset runs until stop(). */
  durationMs?: number;
  /** Simulated seconds per real second; Infinity plays everything at once (tests). */
  speed?: number;
  /** Simulated start time (ms since epoch); defaults to now. */
  startAt?: number;
  /** DIDs inbound calls arrive on. */
  dids?: string[];
  /** Agents pausing per minute, when the organization has queues (default 0.5). */
  pauseRate?: number;
  log?: Logger;
}

export interface Simulator {
  readonly tracker: CallTracker;
  /** Resolves when the run is over (duration reached and calls finished, or stopped). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
  stats(): { callsStarted: number; tracker: TrackerStats };
  /** Hang up a simulated call from the console (transfers are refused). */
  control(request: CallControlRequest): Promise<CallControlResult>;
}

const DEFAULT_DIDS = ["+15559870000", "+15559870001", "+15559870002"];

/** Scenario mix: weights of what each new call is. */
const MIX: [weight: number, run: (w: SimWorld, t: number) => void][] = [
  [30, (w, t) => inboundCall(w, t, "answered")],
  [10, (w, t) => inboundCall(w, t, "hold")],
  [7, (w, t) => inboundCall(w, t, "transfer")],
  [10, (w, t) => inboundCall(w, t, "missed")],
  [15, (w, t) => internalCall(w, t, true)],
  [5, (w, t) => internalCall(w, t, false)],
  [18, (w, t) => outboundCall(w, t, true)],
  [5, (w, t) => outboundCall(w, t, false)],
  // Callers from DIDs into the organization's queues (a plain inbound call when it has none).
  [40, (w, t) => (w.queues ? queueCall(w, w.queues, t) : inboundCall(w, t, "answered"))]
];
const TOTAL_WEIGHT = MIX.reduce((sum, [weight]) => sum + weight, 0);
const FLAPS_PER_MINUTE = 0.5;
/** Agents pausing with one of the organization's reasons (when it has queues), by default. */
const PAUSES_PER_MINUTE = 0.5;

/**
 * Realistic PBX traffic for one organization, produced as AMI events and fed to the same call
 * tracker the AMI connector uses — so simulated calls, timelines, statuses and events are exactly
 * what a real Asterisk would give.
 */
export function startSimulator(options: SimulatorOptions): Simulator {
  const log = options.log ?? pino({ level: "silent" });
  const tracker = new CallTracker({ db: options.db, orgId: options.orgId, log });
  const random = seededRandom(options.seed ?? 1);
  const speed = options.speed ?? 1;
  const timeline = new SimTimeline();
  let stopped = false;
  let wake: (() => void) | undefined;
  let callsStarted = 0;
  let simNow = () => Date.now();
  let world: SimWorld | undefined;

  const interval = (perMinute: number) => (perMinute > 0 ? Math.round((-Math.log(1 - random()) * 60_000) / perMinute) : Infinity);

  async function run(): Promise<void> {
    await tracker.directory.load();
    const byNumber = <T extends { id: string }>(items: T[], key: (t: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
    const w = new SimWorld(
      random,
      byNumber(tracker.directory.allExtensions(), (e) => e.number),
      byNumber(tracker.directory.allTrunks(), (t) => t.name),
      options.dids ?? DEFAULT_DIDS,
      (message, at) => timeline.schedule(message, at)
    );
    if (w.extensions.length === 0) {
      log.warn({ orgId: options.orgId }, "simulator: the organization has no extensions");
      return;
    }
    // The simulated clock starts now and never runs backwards: control asked for meanwhile is stamped on it.
    const simStart = options.startAt ?? Date.now();
    const realStart = Date.now();
    simNow = () => simStart + (Date.now() - realStart) * speed;
    const queues = await loadSimQueues(options.db, options.orgId, tracker.directory, simStart);
    w.setQueues(queues);
    world = w;
    // The simulator is this organization's PBX: a fresh one has no calls and nobody waiting, and its
    // queues' members are signed in, so what a previous run left (process killed) is corrected,
    // exactly as an AMI resync would.
    await tracker.applyChannelSnapshot([]);
    await tracker.applyQueueSnapshot([], queues.statusList(simStart), new Date(simStart));
    const end = simStart + (options.durationMs ?? Infinity);
    initialRegistrations(w, simStart);
    let nextCall = simStart + (options.firstCallAfterMs ?? interval(options.rate));
    let nextFlap = simStart + interval(FLAPS_PER_MINUTE);
    const pauseRate = options.pauseRate ?? PAUSES_PER_MINUTE;
    let nextPause = w.queues ? simStart + interval(pauseRate) : Infinity;

    while (!stopped) {
      const horizon = timeline.peek()?.at ?? Infinity;
      if (nextCall < end && nextCall <= horizon) {
        pickScenario(random)(w, nextCall);
        callsStarted++;
        nextCall += interval(options.rate);
        continue;
      }
      if (nextFlap < end && nextFlap <= horizon) {
        statusFlap(w, nextFlap);
        nextFlap += interval(FLAPS_PER_MINUTE);
        continue;
      }
      if (nextPause < end && nextPause <= horizon && w.queues) {
        agentPause(w, w.queues, nextPause);
        nextPause += interval(pauseRate);
        continue;
      }
      const due = timeline.take();
      if (!due) break;
      const delay = Number.isFinite(speed) ? (due.at - simNow()) / speed : 0;
      if (delay > 0) await sleep(delay);
      if (stopped) break;
      if (due.dropped) continue;
      await tracker.handleEvent(w.queues ? w.queues.emit(due.message) : due.message);
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  const done = run().catch((error: unknown) => log.error({ err: error }, "simulator stopped on an error"));

  return {
    tracker,
    done,
    async stop() {
      stopped = true;
      wake?.();
      await done;
      // Calls still in progress end now rather than staying "live" forever, and phones go idle.
      const now = new Date();
      await tracker.endLiveCalls(now, "Simulator stopped");
      // Nobody waits in, or is signed in to, the queues of a PBX that is gone.
      if (world?.queues) await tracker.applyQueueSnapshot([], [], now);
      for (const ext of tracker.directory.allExtensions()) {
        await tracker.applyOp({ op: "extension_status", at: now, extension: ext.number, extensionId: ext.id, registration: "registered", deviceState: "idle" });
      }
    },
    stats: () => ({ callsStarted, tracker: { ...tracker.stats } }),
    control: (request) => {
      const at = Number.isFinite(simNow()) ? simNow() : Date.now();
      if (!isQueueControl(request)) return controlSimulatedCall(tracker, timeline, request, at);
      if (!world?.queues) return Promise.resolve({ ok: false, code: "refused", error: "the PBX refused: it has no queues" } as const);
      return controlSimulatedQueue(tracker, world, world.queues, request, at);
    }
  };
}

function pickScenario(random: () => number): (w: SimWorld, t: number) => void {
  let roll = random() * TOTAL_WEIGHT;
  for (const [weight, run] of MIX) {
    roll -= weight;
    if (roll < 0) return run;
  }
  return MIX[0]?.[1] ?? (() => undefined);
}
