"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { CodecList } from "@/components/data-table/codec-list";
import { RowActions } from "@/components/data-table/row-actions";
import { Badge } from "@/components/ui/panel";
import { LocalDate } from "@/components/ui/local-date";
import { TrunkRegistrationStatus } from "@/features/operator/components/extension-lamp";
import { TRUNK_REGISTRATION_LABELS } from "@/features/operator/lamp";
import { TRANSPORT_LABELS } from "@/lib/transport";

const column = createColumnHelper<TrunkView>();
const muted = (text: string) => <span className="text-slate-500 dark:text-slate-400">{text}</span>;

export function trunkColumns(canManage: boolean, onDelete: (row: TrunkView) => void, statuses: ReadonlyMap<string, TrunkStatusView> = new Map()) {
  const columns = [
    column.accessor("name", { header: "Name", sortingFn: "text" }),
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
    column.accessor("transport", { header: "Transport", cell: (info) => TRANSPORT_LABELS[info.getValue()] }),
    column.accessor((row) => row.username ?? "", { id: "username", header: "Username", cell: (info) => info.getValue() || muted("None") }),
    column.accessor("secretHint", {
      header: "Secret",
      enableSorting: false,
      cell: (info) => {
        const hint = info.getValue();
        if (!hint) return muted("None");
        return (
          <span className="font-mono text-xs">
            <span className="sr-only">ends in </span>
            {hint}
          </span>
        );
      }
    }),
    column.accessor("registrationRequired", { header: "Registration required", cell: (info) => (info.getValue() ? "Yes" : "No") }),
    column.accessor("codecs", { header: "Codecs", enableSorting: false, cell: (info) => <CodecList codecs={info.getValue()} /> }),
    column.accessor("maxChannels", { header: "Max channels", cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
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
          editHref={`/trunks/${info.row.original.id}/edit`}
          subject={`trunk ${info.row.original.name}`}
          onDelete={() => onDelete(info.row.original)}
        />
      )
    })
  ];
}
