"use client";

import { useMemo, useState } from "react";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { DataTable } from "@/components/data-table/data-table";
import { ListFiltersBar } from "@/components/data-table/list-filters";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { ButtonLink } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { useLiveExtensionStatuses } from "@/features/operator/use-live-statuses";
import { useLiveCollection } from "@/features/realtime/use-live-collection";
import { filterRows, filtersKey, NO_FILTERS } from "@/lib/list-filter";
import { deleteExtensionAction } from "../actions/extension-actions";
import { extensionColumns } from "./extension-columns";

interface ExtensionsViewProps {
  rows: ExtensionView[];
  statuses: ExtensionStatusView[];
  seq: number;
  canManage: boolean;
}

const searchable = (row: ExtensionView) => [row.number, row.displayName, row.userName, row.sipUsername];

export function ExtensionsView({ rows: initialRows, statuses: initialStatuses, seq, canManage }: ExtensionsViewProps) {
  const rows = useLiveCollection("extension", initialRows, seq);
  const statuses = useLiveExtensionStatuses(initialStatuses, seq);
  const [filters, setFilters] = useState(NO_FILTERS);
  const visible = useMemo(() => filterRows(rows, filters, searchable), [rows, filters]);
  const { request, dialog } = useConfirmDelete<ExtensionView>({
    title: (row) => `Delete extension ${row.number}?`,
    description: (row) => (
      <p>
        {row.displayName} ({row.number}) and its SIP credentials will be removed. Phones registered with it stop working.
      </p>
    ),
    success: (row) => `Extension ${row.number} deleted`,
    remove: (row) => deleteExtensionAction(row.id)
  });
  const columns = useMemo(() => extensionColumns(canManage, request, statuses), [canManage, request, statuses]);

  const empty =
    rows.length === 0 ? (
      <div className="space-y-3">
        <p className="font-medium">No extensions yet.</p>
        {canManage ? <ButtonLink href="/extensions/new">New extension</ButtonLink> : null}
      </div>
    ) : (
      <p className="font-medium">No extensions match your search or filters.</p>
    );

  return (
    <Panel>
      <ListFiltersBar
        filterLabel="Filter extensions"
        searchLabel="Search extensions"
        searchPlaceholder="Number, name, user or SIP username"
        value={filters}
        onChange={setFilters}
      />
      <DataTable
        caption="Extensions"
        noun="extensions"
        data={visible}
        columns={columns}
        getRowId={(row) => row.id}
        rowHeader="number"
        initialSorting={[{ id: "number", desc: false }]}
        filterKey={filtersKey(filters)}
        empty={empty}
      />
      {dialog}
    </Panel>
  );
}
