import type { AmiMessage } from "../ami/ami-message";
import type { DirectoryExtension, DirectoryTrunk } from "../tracker/directory";
import { endpointSlug } from "../tracker/directory";
import type { SimChannel } from "./sim-events";
import type { SimQueues } from "./sim-queues";

/** What scenarios draw from and write to: the organization, the random source and the timeline. */
export class SimWorld {
  private counter = 0;
  private readonly busyUntil = new Map<string, number>();
  /** Extensions that are queue agents: they take queue calls, not the general traffic. */
  private queueAgents = new Set<string>();
  /** The PBX's queues, when the organization has any. */
  queues: SimQueues | undefined;

  constructor(
    readonly random: () => number,
    readonly extensions: DirectoryExtension[],
    readonly trunks: DirectoryTrunk[],
    readonly dids: string[],
    private readonly push: (message: AmiMessage, at: number) => void
  ) {}

  emit(at: number, message: AmiMessage): void {
    this.push(message, at);
  }

  /** Seconds → ms, uniformly between min and max. */
  between(minSeconds: number, maxSeconds: number): number {
    return Math.round((minSeconds + this.random() * (maxSeconds - minSeconds)) * 1000);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  externalNumber(): string {
    return `+1555${String(Math.floor(this.random() * 10_000_000)).padStart(7, "0")}`;
  }

  setQueues(queues: SimQueues): void {
    this.queues = queues.queues.length > 0 ? queues : undefined;
    this.queueAgents = new Set(queues.queues.flatMap((q) => q.members.map((m) => m.ext.id)));
  }

  /** The extensions general calls use: all but queue agents (all, when that would leave fewer than two). */
  general(): DirectoryExtension[] {
    const others = this.extensions.filter((e) => !this.queueAgents.has(e.id));
    return others.length >= 2 ? others : this.extensions;
  }

  /** An extension no simulated call or flap occupies at `at`, reserved until `until`. */
  reserveIdle(at: number, until: number, except?: string): DirectoryExtension | undefined {
    const idle = this.general().filter((e) => e.id !== except && (this.busyUntil.get(e.id) ?? 0) <= at);
    const ext = this.pick(idle);
    if (ext) this.busyUntil.set(ext.id, until);
    return ext;
  }

  /** Marks the extension occupied until exactly `until` (its scenario's real end). */
  occupy(extId: string, until: number): void {
    this.busyUntil.set(extId, until);
  }

  /** When the extension is free of every planned call, pause and wrap-up. */
  freeAt(extId: string): number {
    return this.busyUntil.get(extId) ?? 0;
  }

  isBusy(extId: string, at: number): boolean {
    return (this.busyUntil.get(extId) ?? 0) > at;
  }

  private uniqueid(at: number): string {
    return `${Math.floor(at / 1000)}.${++this.counter}`;
  }

  extensionChannel(at: number, ext: DirectoryExtension, linkedid: string | undefined, exten: string, state: number): SimChannel {
    const uniqueid = this.uniqueid(at);
    const name = `PJSIP/${ext.number}-${this.counter.toString(16).padStart(8, "0")}`;
    return { name, uniqueid, linkedid: linkedid ?? uniqueid, callerNum: ext.number, callerName: ext.displayName, context: "from-internal", exten, state };
  }

  trunkChannel(
    at: number,
    trunk: DirectoryTrunk,
    linkedid: string | undefined,
    callerNum: string,
    callerName: string,
    exten: string,
    state: number
  ): SimChannel {
    const uniqueid = this.uniqueid(at);
    const name = `PJSIP/${endpointSlug(trunk.name)}-${this.counter.toString(16).padStart(8, "0")}`;
    return { name, uniqueid, linkedid: linkedid ?? uniqueid, callerNum, callerName, context: "from-trunk", exten, state };
  }

  bridgeId(): string {
    return `sim-bridge-${++this.counter}`;
  }
}
