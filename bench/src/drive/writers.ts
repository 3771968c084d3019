import type { ChildProcess } from "node:child_process";
import type { SecretBox } from "@switchboard/auth";
import type { DomainEvent } from "@switchboard/contracts";
import { actorOf, updateExtension, withActor, type Database } from "@switchboard/db";
import { nowMs } from "../metrics/clock";
import type { SeededOrg } from "../stack/seed";

/** Something that makes one change in an organization; `onCommit` hears (orgId, seq, time). */
export interface ChangeWriter {
  change(orgIndex: number): Promise<void>;
  /** Final head seq per organization (once writing stopped). */
  heads(): Promise<Record<string, number>>;
}

export type CommitListener = (orgId: string, seq: number, at: number) => void;

/**
 * How a change is made. "hooked": an update through the hooked Prisma client, as the web app's
 * data layer does (its own transaction, the CRUD hooks writing the outbox row and taking the seq).
 * "service": the full updateExtension service as REST and server actions call it (policy check,
 * zod validation, a read, then the same hooked transaction) — about twice the writer's CPU.
 */
export type WriterMode = "hooked" | "service";

/**
 * Our path. The commit time is taken on the database's "committed" notification, i.e. right after
 * the transaction committed, before the relay even started publishing.
 */
export class OursWriter implements ChangeWriter {
  private counter = 0;
  private readonly next: number[];

  constructor(
    private readonly database: Database,
    private readonly box: SecretBox,
    private readonly orgs: readonly SeededOrg[],
    private readonly mode: WriterMode,
    onCommit: CommitListener
  ) {
    this.next = orgs.map(() => 0);
    database.notifier.on("committed", (events) => {
      const at = nowMs();
      for (const e of events) onCommit(e.orgId, e.seq, at);
    });
  }

  async change(orgIndex: number): Promise<void> {
    const org = this.orgs[orgIndex];
    if (!org) throw new Error(`no org ${orgIndex}`);
    const n = this.next[orgIndex] ?? 0;
    this.next[orgIndex] = n + 1;
    const extensionId = org.extensionIds[n % org.extensionIds.length];
    if (!extensionId) throw new Error("org without extensions");
    this.counter += 1;
    const displayName = `Desk change ${this.counter}`;
    if (this.mode === "service") {
      await updateExtension({ db: this.database.client, box: this.box }, org.admin, extensionId, { displayName });
      return;
    }
    await withActor(actorOf(org.admin), () => this.database.client.extension.update({ where: { id: extensionId }, data: { displayName } }));
  }

  async heads(): Promise<Record<string, number>> {
    const rows = await this.database.raw.orgSequence.findMany({ where: { organizationId: { in: this.orgs.map((o) => o.id) } } });
    return Object.fromEntries(rows.map((r) => [r.organizationId, Number(r.value)]));
  }
}

/** Rooms of the bare server: staff hear the org's events, customers a room nothing is sent to. */
export function baselineRoom(orgId: string, receives: boolean): string {
  return receives ? `org:${orgId}` : `org:${orgId}:none`;
}

/**
 * The baseline's "change": the same envelope (a real one from this run's outbox, so the same
 * shape and size) with the next seq, handed to the bare server to broadcast. Its time is taken
 * as it is sent.
 */
export class BaselineWriter implements ChangeWriter {
  private readonly seqs: number[];
  private counter = 0;

  constructor(
    private readonly server: ChildProcess,
    private readonly orgs: readonly SeededOrg[],
    private readonly template: DomainEvent,
    private readonly onCommit: CommitListener
  ) {
    this.seqs = orgs.map(() => 0);
  }

  async change(orgIndex: number): Promise<void> {
    const org = this.orgs[orgIndex];
    if (!org) throw new Error(`no org ${orgIndex}`);
    const seq = (this.seqs[orgIndex] ?? 0) + 1;
    this.seqs[orgIndex] = seq;
    this.counter += 1;
    const data = { ...(this.template.data as Record<string, unknown>), displayName: `Desk change ${this.counter}` };
    const event = { ...this.template, id: crypto.randomUUID(), orgId: org.id, seq, at: new Date().toISOString(), data };
    const at = nowMs();
    this.server.send({ type: "publish", events: [{ room: baselineRoom(org.id, true), event }] });
    this.onCommit(org.id, seq, at);
  }

  async heads(): Promise<Record<string, number>> {
    return Object.fromEntries(this.orgs.map((o, i) => [o.id, this.seqs[i] ?? 0]));
  }
}
