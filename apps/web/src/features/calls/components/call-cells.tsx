import Link from "next/link";
import type { CallView } from "@switchboard/contracts";
import type { CallDirectory } from "@switchboard/contracts";

/** Looks up what a call's ids stand for; ids the snapshot does not know (created since) stay blank. */
export interface CallNames {
  extensionNumbers(ids: readonly string[]): string;
  trunkName(id: string | null): string;
}

export function callNames(directory: CallDirectory): CallNames {
  const extensions = new Map(directory.extensions.map((e) => [e.id, e.number]));
  const trunks = new Map(directory.trunks.map((t) => [t.id, t.name]));
  return {
    extensionNumbers: (ids) =>
      ids
        .map((id) => extensions.get(id))
        .filter(Boolean)
        .join(", "),
    trunkName: (id) => (id ? (trunks.get(id) ?? "") : "")
  };
}

/** A number with the name the PBX gave it, name first. */
export function Party({ number, name }: { number: string; name: string | null }) {
  if (!name) return <span className="font-mono text-sm">{number}</span>;
  return (
    <span className="flex flex-col">
      <span className="font-medium">{name}</span>
      <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{number}</span>
    </span>
  );
}

export function Dash({ value }: { value: string | null | undefined }) {
  return value ? <>{value}</> : <span className="text-slate-500 dark:text-slate-400">—</span>;
}

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-100";

/** Per-call links: its timeline, and a ticket about it (the tickets page takes the call id). */
export function CallLinks({ call }: { call: CallView }) {
  const who = call.fromName ?? call.fromNumber;
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-1 whitespace-nowrap">
      <Link href={`/calls/${call.id}`} className={linkClass}>
        Timeline<span className="sr-only"> of the call from {who}</span>
      </Link>
      <Link href={`/tickets/new?callId=${encodeURIComponent(call.id)}`} className={linkClass}>
        Create ticket<span className="sr-only"> for the call from {who}</span>
      </Link>
    </span>
  );
}
