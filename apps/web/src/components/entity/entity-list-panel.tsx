"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState, type ReactNode } from "react";
import type { Transport } from "@switchboard/contracts";
import { DataTable } from "@/components/data-table/data-table";
import { ListFiltersBar } from "@/components/data-table/list-filters";
import { ButtonLink } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { filterRows, filtersKey, NO_FILTERS } from "@/lib/list-filter";

interface EntityListPanelProps<Row extends { id: string; transport: Transport; enabled: boolean }> {
  /** Table caption, e.g. "Extensions". */
  title: string;
  /** Plural noun for filters, summary and empty states, e.g. "extensions". */
  noun: string;
  /** The "New …" button in the empty state, for managers only. */
  create: { href: string; label: string } | null;
  /** The live rows, before search and filters. */
  rows: Row[];
  searchable: (row: Row) => readonly (string | null | undefined)[];
  searchPlaceholder: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  columns: ColumnDef<Row, any>[];
  /** The column that heads each row and sorts the list at first. */
  sortBy: string;
  /** The delete confirmation (from useConfirmDelete). */
  dialog: ReactNode;
}

/** Search, transport/enabled filters and the sortable, paged table over a live collection. */
export function EntityListPanel<Row extends { id: string; transport: Transport; enabled: boolean }>({
  title,
  noun,
  create,
  rows,
  searchable,
  searchPlaceholder,
  columns,
  sortBy,
  dialog
}: EntityListPanelProps<Row>) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const visible = useMemo(() => filterRows(rows, filters, searchable), [rows, filters, searchable]);

  const empty =
    rows.length === 0 ? (
      <div className="space-y-3">
        <p className="font-medium">{`No ${noun} yet.`}</p>
        {create ? <ButtonLink href={create.href}>{create.label}</ButtonLink> : null}
      </div>
    ) : (
      <p className="font-medium">{`No ${noun} match your search or filters.`}</p>
    );

  return (
    <Panel>
      <ListFiltersBar
        filterLabel={`Filter ${noun}`}
        searchLabel={`Search ${noun}`}
        searchPlaceholder={searchPlaceholder}
        value={filters}
        onChange={setFilters}
      />
      <DataTable
        caption={title}
        noun={noun}
        data={visible}
        columns={columns}
        getRowId={(row) => row.id}
        rowHeader={sortBy}
        initialSorting={[{ id: sortBy, desc: false }]}
        filterKey={filtersKey(filters)}
        empty={empty}
      />
      {dialog}
    </Panel>
  );
}
