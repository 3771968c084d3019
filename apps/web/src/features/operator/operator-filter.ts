import type { CallView, ExtensionView } from "@switchboard/contracts";

/** A named set of extensions to narrow the panel to: an office (through its members' extensions) or a queue. */
export interface ExtensionGroup {
  id: string;
  kind: "office" | "queue";
  name: string;
  extensionIds: string[];
}

interface OfficeLike {
  id: string;
  name: string;
  memberIds: string[];
}
interface QueueLike {
  id: string;
  name: string;
  members: { extensionId: string }[];
}

/**
 * Offices hold people, not phones: an office's extensions are those of its members. Queues list
 * their member extensions. Groups without an extension are left out (nothing to filter to).
 */
export function groupsOf(
  offices: readonly OfficeLike[],
  queues: readonly QueueLike[],
  extensions: readonly Pick<ExtensionView, "id" | "userId">[]
): ExtensionGroup[] {
  const byUser = new Map<string, string[]>();
  for (const ext of extensions) if (ext.userId) byUser.set(ext.userId, [...(byUser.get(ext.userId) ?? []), ext.id]);
  const officeGroups = offices.map((office) => ({
    id: `office:${office.id}`,
    kind: "office" as const,
    name: office.name,
    extensionIds: office.memberIds.flatMap((userId) => byUser.get(userId) ?? [])
  }));
  const queueGroups = queues.map((queue) => ({
    id: `queue:${queue.id}`,
    kind: "queue" as const,
    name: queue.name,
    extensionIds: [...new Set(queue.members.map((m) => m.extensionId))]
  }));
  return [...officeGroups, ...queueGroups].filter((group) => group.extensionIds.length > 0);
}

export interface PanelFilter {
  query: string;
  /** An ExtensionGroup id, or "" for every extension. */
  groupId: string;
}

/** What a search may match on an extension: its own number and names, and the other party of its call. */
function haystackOf(ext: Pick<ExtensionView, "number" | "displayName" | "userName">, call: CallView | undefined): string[] {
  const own = [ext.number, ext.displayName, ext.userName ?? ""];
  if (!call) return own;
  return [...own, call.fromNumber, call.fromName ?? "", call.toNumber, call.toName ?? ""];
}

/**
 * The extensions the panel shows, in their order: in the chosen group, and matching every word of
 * the search (case-insensitive) in the number, names, or the party of the extension's call.
 */
export function filterExtensions<T extends Pick<ExtensionView, "id" | "number" | "displayName" | "userName">>(
  extensions: readonly T[],
  filter: PanelFilter,
  groups: readonly ExtensionGroup[],
  callOf: (extensionId: string) => CallView | undefined
): T[] {
  const group = filter.groupId ? groups.find((g) => g.id === filter.groupId) : undefined;
  const inGroup = group ? new Set(group.extensionIds) : null;
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return extensions.filter((ext) => {
    if (filter.groupId && !inGroup?.has(ext.id)) return false;
    if (words.length === 0) return true;
    const hay = haystackOf(ext, callOf(ext.id)).map((v) => v.toLowerCase());
    return words.every((word) => hay.some((value) => value.includes(word)));
  });
}

/** Extensions by number, numerically (9 before 10, 100 before 1000). */
export function byNumber(a: Pick<ExtensionView, "number">, b: Pick<ExtensionView, "number">): number {
  return a.number.localeCompare(b.number, undefined, { numeric: true });
}
