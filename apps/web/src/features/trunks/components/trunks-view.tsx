"use client";

import { useMemo } from "react";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { EntityListPanel } from "@/components/entity/entity-list-panel";
import { useLiveTrunkStatuses } from "@/features/realtime/use-live-statuses";
import { useLiveCollection } from "@/features/realtime/use-live-collection";
import { deleteTrunkAction } from "../actions/trunk-actions";
import { trunkColumns } from "./trunk-columns";

interface TrunksViewProps {
  rows: TrunkView[];
  statuses: TrunkStatusView[];
  seq: number;
  canManage: boolean;
}

const searchable = (row: TrunkView) => [row.name, row.host, row.username];

export function TrunksView({ rows: initialRows, statuses: initialStatuses, seq, canManage }: TrunksViewProps) {
  const rows = useLiveCollection("trunk", initialRows, seq);
  const statuses = useLiveTrunkStatuses(initialStatuses, seq);
  const { request, dialog } = useConfirmDelete<TrunkView>({
    title: (row) => `Delete trunk ${row.name}?`,
    description: (row) => (
      <p>
        Calls can no longer use {row.name} ({row.host}). Routes that depend on it fail until they are changed.
      </p>
    ),
    success: (row) => `Trunk ${row.name} deleted`,
    remove: (row) => deleteTrunkAction(row.id)
  });
  const columns = useMemo(() => trunkColumns(canManage, request, statuses), [canManage, request, statuses]);

  return (
    <EntityListPanel
      title="Trunks"
      noun="trunks"
      create={canManage ? { href: "/trunks/new", label: "New trunk" } : null}
      rows={rows}
      searchable={searchable}
      searchPlaceholder="Name, host or username"
      columns={columns}
      sortBy="name"
      dialog={dialog}
    />
  );
}
