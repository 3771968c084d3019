"use client";

import Link from "next/link";
import type { ColumnHelper } from "@tanstack/react-table";
import type { Transport } from "@switchboard/contracts";
import { Badge } from "@/components/ui/panel";
import { TRANSPORT_LABELS } from "@/lib/transport";
import { CodecList } from "./codec-list";
import { RowActions } from "./row-actions";

// Columns every SIP endpoint list (extensions, trunks) shows the same way.

export function transportColumn<Row extends { transport: Transport }>(column: ColumnHelper<Row>) {
  return column.accessor((row) => row.transport, { id: "transport", header: "Transport", cell: (info) => TRANSPORT_LABELS[info.getValue()] });
}

export function codecsColumn<Row extends { codecs: string[] }>(column: ColumnHelper<Row>) {
  return column.accessor((row) => row.codecs, { id: "codecs", header: "Codecs", enableSorting: false, cell: (info) => <CodecList codecs={info.getValue()} /> });
}

export function enabledColumn<Row extends { enabled: boolean }>(column: ColumnHelper<Row>) {
  return column.accessor((row) => row.enabled, {
    id: "enabled",
    header: "Enabled",
    cell: (info) => (info.getValue() ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>)
  });
}

/** The last 2 characters of a stored secret, read out as "ends in …"; "None" when there is no secret. */
export function SecretHint({ hint }: { hint: string | null }) {
  if (!hint) return <span className="text-slate-500 dark:text-slate-400">None</span>;
  return (
    <span className="font-mono text-xs">
      <span className="sr-only">ends in </span>
      {hint}
    </span>
  );
}

/** A row's key (number, name) as the way into its editor. */
export function EditLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="text-brand-700 hover:underline dark:text-brand-300">
      {label}
    </Link>
  );
}

/** Edit and Delete for managers; `subject` names the row for screen readers ("extension 104"). */
export function rowActionsColumn<Row>(column: ColumnHelper<Row>, { editHref, subject, onDelete }: RowActionsOptions<Row>) {
  return column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <RowActions editHref={editHref(info.row.original)} subject={subject(info.row.original)} onDelete={() => onDelete(info.row.original)} />
  });
}

interface RowActionsOptions<Row> {
  editHref: (row: Row) => string;
  subject: (row: Row) => string;
  onDelete: (row: Row) => void;
}
