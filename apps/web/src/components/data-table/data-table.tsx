"use client";

import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type PaginationState,
  type SortingState
} from "@tanstack/react-table";
import { clsx } from "clsx";
import { useEffect, useState, type ReactNode } from "react";
import { useFlashes } from "@/features/realtime/realtime-provider";
import { Pagination } from "./pagination";
import { STICKY_ACTIONS_CELL } from "./sticky-actions";
import { SortHeader } from "./sort-header";

/** The id of the row-actions column (entity-columns' rowActionsColumn): kept in view when the table scrolls. */
const ACTIONS = "actions";

interface DataTableProps<T> {
  /** Names the table for assistive technology. */
  caption: string;
  /** Plural noun for the summary ("Showing 1–10 of 12 extensions"). */
  noun: string;
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** The column whose cells are row headers (<th scope="row">). */
  rowHeader: string;
  initialSorting: SortingState;
  /** Changes whenever the filters do: paging goes back to the first page. */
  filterKey: string;
  empty: ReactNode;
}

/**
 * Sorting and paging over rows already searched and filtered by the caller. Live updates change
 * `data` in place; the current page is kept (clamped if it shrank) instead of jumping to page 1.
 */
export function DataTable<T>({ caption, noun, data, columns, getRowId, rowHeader, initialSorting, filterKey, empty }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, pagination },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    autoResetPageIndex: false,
    enableSortingRemoval: false
  });

  const pageCount = table.getPageCount();
  useEffect(() => setPagination((p) => ({ ...p, pageIndex: 0 })), [filterKey]);
  useEffect(() => {
    if (pagination.pageIndex > 0 && pagination.pageIndex >= pageCount) setPagination((p) => ({ ...p, pageIndex: Math.max(0, pageCount - 1) }));
  }, [pageCount, pagination.pageIndex]);

  const rows = table.getRowModel().rows;
  // Rows someone else just changed flash (the changed cells more strongly); see .flash in globals.css.
  const flashes = useFlashes();
  return (
    <div>
      <div className="relative overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 dark:bg-slate-800/50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortHeader key={header.id} header={header} sticky={header.column.id === ACTIONS} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-10 text-center">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => {
                const flash = flashes.get(row.id);
                const cellFlash = (column: string) => (flash?.fields?.includes(column) ? "changed" : undefined);
                return (
                  <tr key={row.id} data-flash={flash ? "changed" : undefined} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
                    {row.getVisibleCells().map((cell) =>
                      cell.column.id === rowHeader ? (
                        <th key={cell.id} scope="row" data-flash={cellFlash(cell.column.id)} className="px-3 py-2.5 text-left font-semibold whitespace-nowrap">
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </th>
                      ) : (
                        <td
                          key={cell.id}
                          data-flash={cellFlash(cell.column.id)}
                          className={clsx("px-3 py-2.5 align-middle", cell.column.id === ACTIONS && STICKY_ACTIONS_CELL)}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      )
                    )}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <Pagination table={table} noun={noun} />
    </div>
  );
}
