import type { AmiMessage } from "../ami/ami-message";
import type { DirectoryExtension, DirectoryTrunk } from "../tracker/directory";
import { endpointSlug } from "../tracker/directory";
import type { SimChannel } from "./sim-events";

/** What scenarios draw from and write to: the organization, the random source and the timeline. */
export class SimWorld {
  private counter = 0;
  private readonly busyUntil = new Map<string, number>();

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

  /** An extension no simulated call or flap occupies at `at`, reserved until `until`. */
  reserveIdle(at: number, until: number, except?: string): DirectoryExtension | undefined {
    const idle = this.extensions.filter((e) => e.id !== except && (this.busyUntil.get(e.id) ?? 0) <= at);
    const ext = this.pick(idle);
    if (ext) this.busyUntil.set(ext.id, until);
    return ext;
  }

  /** Marks the extension occupied until exactly `until` (its scenario's real end). */
  occupy(extId: string, until: number): void {
    this.busyUntil.set(extId, until);
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
