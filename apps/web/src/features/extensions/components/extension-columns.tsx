"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { codecsColumn, EditLink, enabledColumn, rowActionsColumn, SecretHint, transportColumn } from "@/components/data-table/entity-columns";
import { LAMP_LABELS, lampOf } from "@/components/status/lamp";
import { ExtensionLamp } from "@/components/status/lamps";

const column = createColumnHelper<ExtensionView>();
const yesNo = (value: boolean) => (value ? "Yes" : "No");

export function extensionColumns(canManage: boolean, onDelete: (row: ExtensionView) => void, statuses: ReadonlyMap<string, ExtensionStatusView> = new Map()) {
  const columns = [
    column.accessor("number", {
      header: "Number",
      sortingFn: "alphanumeric",
      // Managers open a row's editor from its number, wherever the Edit button has scrolled to.
      cell: (info) => (canManage ? <EditLink href={`/extensions/${info.row.original.id}/edit`} label={info.getValue()} /> : info.getValue())
    }),
    column.accessor("displayName", { header: "Display name", sortingFn: "text" }),
    // Live BLF lamp: registration and device state from the PBX.
    column.accessor((row) => LAMP_LABELS[lampOf(statuses.get(row.id))], {
      id: "status",
      header: "Status",
      cell: (info) => <ExtensionLamp status={statuses.get(info.row.original.id)} />
    }),
    column.accessor((row) => row.userName ?? "", {
      id: "userName",
      header: "Assigned user",
      cell: (info) => info.getValue() || <span className="text-slate-500 dark:text-slate-400">Unassigned</span>
    }),
    column.accessor("sipUsername", { header: "SIP username", cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span> }),
    column.accessor("sipSecretHint", { header: "Secret", enableSorting: false, cell: (info) => <SecretHint hint={info.getValue()} /> }),
    transportColumn(column),
    codecsColumn(column),
    column.accessor("voicemailEnabled", { header: "Voicemail", cell: (info) => yesNo(info.getValue()) }),
    enabledColumn(column)
  ];
  if (!canManage) return columns;
  return [...columns, rowActionsColumn(column, { editHref: (row) => `/extensions/${row.id}/edit`, subject: (row) => `extension ${row.number}`, onDelete })];
}
