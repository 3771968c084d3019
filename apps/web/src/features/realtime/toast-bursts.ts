/** One change by someone else that is worth a toast. */
export interface ToastNote {
  /** Who made it (the toast names them); "" for the system. */
  actorId: string;
  actorName: string;
  /** What it changed: the event's subject. */
  kind: string;
  subjectId: string;
  /** The event type's verb ("created", "updated", "reply_created"). */
  verb: string;
  /** The toast for this change alone. */
  message: string;
}

/** Changes by one person this close together are one burst (an import, a bulk edit), told as one toast. */
export const BURST_GAP_MS = 800;

const plural = (kind: string) => `${kind.replace(/_/g, " ")}s`;

/**
 * A burst in words: a single change (or several to one thing) reads as its own toast; more read
 * "Ada Admin changed 12 extensions", "Ada Admin deleted 3 trunks" or "Ada Admin made 5 changes".
 */
export function summarizeBurst(notes: readonly ToastNote[]): string {
  const last = notes[notes.length - 1];
  if (!last) return "";
  const subjects = new Set(notes.map((n) => `${n.kind}:${n.subjectId}`));
  if (subjects.size === 1) return last.message;
  const kinds = new Set(notes.map((n) => n.kind));
  if (kinds.size > 1) return `${last.actorName} made ${notes.length} changes`;
  const verbs = new Set(notes.map((n) => n.verb));
  const verb = verbs.size === 1 && (last.verb === "created" || last.verb === "deleted") ? last.verb : "changed";
  return `${last.actorName} ${verb} ${subjects.size} ${plural(last.kind)}`;
}

interface Burst {
  toastId: string;
  notes: ToastNote[];
  lastAt: number;
}

/**
 * Groups live toasts into bursts per person: the first change shows at once, the ones following
 * within BURST_GAP_MS update that same toast (by id) into a summary instead of stacking up.
 */
export class ToastBursts {
  private readonly bursts = new Map<string, Burst>();
  private next = 0;

  add(note: ToastNote, now: number): { toastId: string; text: string } {
    const current = this.bursts.get(note.actorId);
    const burst: Burst =
      current && now - current.lastAt <= BURST_GAP_MS
        ? current
        : { toastId: `changes-${note.actorId || "system"}-${(this.next += 1)}`, notes: [], lastAt: now };
    burst.notes.push(note);
    burst.lastAt = now;
    this.bursts.set(note.actorId, burst);
    return { toastId: burst.toastId, text: summarizeBurst(burst.notes) };
  }
}
