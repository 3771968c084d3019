/** An extension a call can be sent to, as a transfer picker lists it. */
export interface TransferTarget {
  id: string;
  number: string;
  displayName: string;
  /** Its state in words, when the page knows it ("Idle", "In use"). */
  state?: string;
  /** Disabled extensions take no calls, so they are never offered. */
  enabled: boolean;
}

/**
 * The targets matching what was typed: number prefix first, then name matches, at most `limit`.
 * Extensions the call is already on, and disabled ones, are left out.
 */
export function matchTransferTargets<T extends TransferTarget>(targets: readonly T[], typed: string, exclude: readonly string[], limit = 8): T[] {
  const q = typed.trim().toLowerCase();
  const open = targets.filter((t) => t.enabled && !exclude.includes(t.id));
  if (!q) return open.slice(0, limit);
  const byNumber = open.filter((t) => t.number.toLowerCase().startsWith(q));
  const byName = open.filter((t) => !t.number.toLowerCase().startsWith(q) && (t.displayName.toLowerCase().includes(q) || t.number.includes(q)));
  return [...byNumber, ...byName].slice(0, limit);
}
