"use client";

import { useMemo, useState } from "react";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { DataTable } from "@/components/data-table/data-table";
import { ListFiltersBar } from "@/components/data-table/list-filters";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { ButtonLink } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { useLiveTrunkStatuses } from "@/features/operator/use-live-statuses";
import { useLiveCollection } from "@/features/realtime/use-live-collection";
import { filterRows, filtersKey, NO_FILTERS } from "@/lib/list-filter";
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
  const [filters, setFilters] = useState(NO_FILTERS);
  const visible = useMemo(() => filterRows(rows, filters, searchable), [rows, filters]);
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

  const empty =
    rows.length === 0 ? (
      <div className="space-y-3">
        <p className="font-medium">No trunks yet.</p>
        {canManage ? <ButtonLink href="/trunks/new">New trunk</ButtonLink> : null}
      </div>
    ) : (
      <p className="font-medium">No trunks match your search or filters.</p>
    );

  return (
    <Panel>
      <ListFiltersBar
        filterLabel="Filter trunks"
        searchLabel="Search trunks"
        searchPlaceholder="Name, host or username"
        value={filters}
        onChange={setFilters}
      />
      <DataTable
        caption="Trunks"
        noun="trunks"
        data={visible}
        columns={columns}
        getRowId={(row) => row.id}
        rowHeader="name"
        initialSorting={[{ id: "name", desc: false }]}
        filterKey={filtersKey(filters)}
        empty={empty}
      />
      {dialog}
    </Panel>
  );
}
