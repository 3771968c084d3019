"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { CodecList } from "@/components/data-table/codec-list";
import { RowActions } from "@/components/data-table/row-actions";
import { Badge } from "@/components/ui/panel";
import { ExtensionLamp } from "@/features/operator/components/extension-lamp";
import { LAMP_LABELS, lampOf } from "@/features/operator/lamp";
import { TRANSPORT_LABELS } from "@/lib/transport";

const column = createColumnHelper<ExtensionView>();
const yesNo = (value: boolean) => (value ? "Yes" : "No");

export function extensionColumns(canManage: boolean, onDelete: (row: ExtensionView) => void, statuses: ReadonlyMap<string, ExtensionStatusView> = new Map()) {
  const columns = [
    column.accessor("number", { header: "Number", sortingFn: "alphanumeric" }),
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
    column.accessor("sipSecretHint", {
      header: "Secret",
      enableSorting: false,
      cell: (info) => (
        <span className="font-mono text-xs">
          <span className="sr-only">ends in </span>
          {info.getValue()}
        </span>
      )
    }),
    column.accessor("transport", { header: "Transport", cell: (info) => TRANSPORT_LABELS[info.getValue()] }),
    column.accessor("codecs", { header: "Codecs", enableSorting: false, cell: (info) => <CodecList codecs={info.getValue()} /> }),
    column.accessor("voicemailEnabled", { header: "Voicemail", cell: (info) => yesNo(info.getValue()) }),
    column.accessor("enabled", {
      header: "Enabled",
      cell: (info) => (info.getValue() ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>)
    })
  ];
  if (!canManage) return columns;
  return [
    ...columns,
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => (
        <RowActions
          editHref={`/extensions/${info.row.original.id}/edit`}
          subject={`extension ${info.row.original.number}`}
          onDelete={() => onDelete(info.row.original)}
        />
      )
    })
  ];
}
