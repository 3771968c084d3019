"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { codecsColumn, EditLink, enabledColumn, rowActionsColumn, SecretHint, transportColumn } from "@/components/data-table/entity-columns";
import { TRUNK_REGISTRATION_LABELS } from "@/components/status/lamp";
import { TrunkRegistrationStatus } from "@/components/status/lamps";
import { LocalDate } from "@/components/ui/local-date";

const column = createColumnHelper<TrunkView>();
const muted = (text: string) => <span className="text-slate-500 dark:text-slate-400">{text}</span>;

export function trunkColumns(canManage: boolean, onDelete: (row: TrunkView) => void, statuses: ReadonlyMap<string, TrunkStatusView> = new Map()) {
  const columns = [
    column.accessor("name", {
      header: "Name",
      sortingFn: "text",
      cell: (info) => (canManage ? <EditLink href={`/trunks/${info.row.original.id}/edit`} label={info.getValue()} /> : info.getValue())
    }),
    // Live registration from the PBX, with when it last changed.
    column.accessor((row) => TRUNK_REGISTRATION_LABELS[statuses.get(row.id)?.registration ?? "unknown"], {
      id: "registration",
      header: "Registration",
      cell: (info) => <TrunkRegistrationStatus status={statuses.get(info.row.original.id)} />
    }),
    column.accessor((row) => statuses.get(row.id)?.changedAt ?? "", {
      id: "registrationChangedAt",
      header: "Last change",
      cell: (info) => <LocalDate iso={info.getValue() || null} fallback="—" />
    }),
    column.accessor("host", { header: "Host", cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span> }),
    column.accessor("port", { header: "Port", cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
    transportColumn(column),
    column.accessor((row) => row.username ?? "", { id: "username", header: "Username", cell: (info) => info.getValue() || muted("None") }),
    column.accessor("secretHint", { header: "Secret", enableSorting: false, cell: (info) => <SecretHint hint={info.getValue()} /> }),
    column.accessor("registrationRequired", { header: "Registration required", cell: (info) => (info.getValue() ? "Yes" : "No") }),
    codecsColumn(column),
    column.accessor("maxChannels", { header: "Max channels", cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
    enabledColumn(column)
  ];
  if (!canManage) return columns;
  return [...columns, rowActionsColumn(column, { editHref: (row) => `/trunks/${row.id}/edit`, subject: (row) => `trunk ${row.name}`, onDelete })];
}
