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

/** A number with the name the PBX gave it, name first, on one line (the board keeps one line per call). */
export function Party({ number, name }: { number: string; name: string | null }) {
  if (!name) return <span className="font-mono text-sm whitespace-nowrap">{number}</span>;
  return (
    <span className="inline-flex max-w-64 items-baseline gap-1.5 whitespace-nowrap" title={`${name} (${number})`}>
      <span className="truncate font-medium">{name}</span>
      <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{number}</span>
    </span>
  );
}

export function Dash({ value }: { value: string | null | undefined }) {
  return value ? <>{value}</> : <span className="text-slate-500 dark:text-slate-400">—</span>;
}
