import type { ChildProcess } from "node:child_process";
import type { SecretBox } from "@switchboard/auth";
import { EVENT_TYPES, familyOfEvent, type DomainEvent, type EventType, type TopicFamily } from "@switchboard/contracts";
import { actorOf, updateExtension, withActor, type Database } from "@switchboard/db";
import { nowMs } from "../metrics/clock";
import type { SeededOrg } from "../stack/seed";
import { FAMILY_OF_KIND, kindOfChange, type ChangeKind, type ChangeMix } from "./change-mix";

/** Something that makes one change in an organization; `onCommit` hears (orgId, seq, time). */
export interface ChangeWriter {
  change(orgIndex: number): Promise<void>;
  /** Final head seq per organization (once writing stopped). */
  heads(): Promise<Record<string, number>>;
}

/** `family`: the event's (null for a type this build does not know). */
export type CommitListener = (orgId: string, seq: number, at: number, family: TopicFamily | null) => void;

const knownTypes: ReadonlySet<string> = new Set(EVENT_TYPES);
function isEventType(type: string): type is EventType {
  return knownTypes.has(type);
}

/**
 * How a change is made. "hooked": an update through the hooked Prisma client, as the web app's
 * data layer does (its own transaction, the CRUD hooks writing the outbox row and taking the seq).
 * "service": the full updateExtension service as REST and server actions call it (policy check,
 * zod validation, a read, then the same hooked transaction) — about twice the writer's CPU.
 * Ticket and user changes (mix "pages") are hooked updates in either mode.
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
    private readonly mix: ChangeMix,
    onCommit: CommitListener
  ) {
    this.next = orgs.map(() => 0);
    database.notifier.on("committed", (events) => {
      const at = nowMs();
      for (const e of events) onCommit(e.orgId, e.seq, at, isEventType(e.type) ? familyOfEvent(e.type) : null);
    });
  }

  async change(orgIndex: number): Promise<void> {
    const org = this.orgs[orgIndex];
    if (!org) throw new Error(`no org ${orgIndex}`);
    const n = this.next[orgIndex] ?? 0;
    this.next[orgIndex] = n + 1;
    this.counter += 1;
    const kind = kindOfChange(this.mix, n);
    if (kind !== "extension") return this.changeSubject(org, kind);
    const extensionId = org.extensionIds[n % org.extensionIds.length];
    if (!extensionId) throw new Error("org without extensions");
    const displayName = `Desk change ${this.counter}`;
    if (this.mode === "service") {
      await updateExtension({ db: this.database.client, box: this.box }, org.admin, extensionId, { displayName });
      return;
    }
    await withActor(actorOf(org.admin), () => this.database.client.extension.update({ where: { id: extensionId }, data: { displayName } }));
  }

  /** A ticket's subject or the colleague's name: one ticket.updated or user.updated. */
  private async changeSubject(org: SeededOrg, kind: Exclude<ChangeKind, "extension">): Promise<void> {
    const subjects = org.subjects;
    if (!subjects) throw new Error(`mix "${this.mix}" without the seeded ticket and colleague`);
    const db = this.database.client;
    await withActor(actorOf(org.admin), () =>
      kind === "ticket"
        ? db.ticket.update({ where: { id: subjects.ticketId }, data: { subject: `Bench ticket change ${this.counter}` } })
        : db.user.update({ where: { id: subjects.colleagueId }, data: { name: `Bench Colleague ${this.counter}` } })
    );
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

/** The envelope the baseline sends for each kind of change, and the field each change edits. */
export type BaselineTemplates = Partial<Record<ChangeKind, DomainEvent>>;
const EDITED: Record<ChangeKind, [field: string, text: string]> = {
  extension: ["displayName", "Desk change"],
  ticket: ["subject", "Bench ticket change"],
  user: ["name", "Bench Colleague"]
};

/**
 * The baseline's "change": the same envelope (a real one from this run's outbox, so the same
 * shape and size) with the next seq, handed to the bare server to broadcast to every staff console
 * of the organization (it has no topics: what ours does for consoles that name none). Its time is
 * taken as it is sent.
 */
export class BaselineWriter implements ChangeWriter {
  private readonly seqs: number[];
  private counter = 0;

  constructor(
    private readonly server: ChildProcess,
    private readonly orgs: readonly SeededOrg[],
    private readonly templates: BaselineTemplates,
    private readonly mix: ChangeMix,
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
    const kind = kindOfChange(this.mix, seq - 1);
    const template = this.templates[kind];
    if (!template) throw new Error(`no baseline envelope for a ${kind} change`);
    const [field, text] = EDITED[kind];
    const data = { ...(template.data as Record<string, unknown>), [field]: `${text} ${this.counter}` };
    const event = { ...template, id: crypto.randomUUID(), orgId: org.id, seq, at: new Date().toISOString(), data };
    const at = nowMs();
    this.server.send({ type: "publish", events: [{ room: baselineRoom(org.id, true), event }] });
    this.onCommit(org.id, seq, at, FAMILY_OF_KIND[kind]);
  }

  async heads(): Promise<Record<string, number>> {
    return Object.fromEntries(this.orgs.map((o, i) => [o.id, this.seqs[i] ?? 0]));
  }
}
