"use client";

import type { Table } from "@tanstack/react-table";
import { useId } from "react";
import { Button } from "@/components/ui/button";

const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface PageControlsProps {
  /** Plural, as in "Showing 1–10 of 42 tickets". */
  noun: string;
  total: number;
  /** 1-based. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** Rows on this page (the last page may be short). */
  rowsOnPage: number;
  pageSizes: readonly number[];
  onPageSize: (size: number) => void;
  onPrevious: () => void;
  onNext: () => void;
}

/** Page controls plus a polite live summary, so filtering and paging are announced. */
export function PageControls({ noun, total, page, pageCount, pageSize, rowsOnPage, pageSizes, onPageSize, onPrevious, onNext }: PageControlsProps) {
  const sizeId = useId();
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, first - 1 + rowsOnPage);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-3 text-sm dark:border-slate-800">
      <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
        {total === 0 ? `No ${noun}` : `Showing ${first}–${last} of ${total} ${noun}`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="text-slate-700 dark:text-slate-300">
            Rows per page
          </label>
          <select
            id={sizeId}
            value={pageSize}
            onChange={(event) => onPageSize(Number(event.target.value))}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <span className="text-slate-700 dark:text-slate-300">
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={onPrevious} disabled={page <= 1}>
            Previous page
          </Button>
          <Button variant="secondary" size="sm" onClick={onNext} disabled={page >= pageCount}>
            Next page
          </Button>
        </div>
      </div>
    </div>
  );
}

/** PageControls for a client-side TanStack table. */
export function Pagination<T>({ table, noun }: { table: Table<T>; noun: string }) {
  const { pageIndex, pageSize } = table.getState().pagination;
  return (
    <PageControls
      noun={noun}
      total={table.getRowCount()}
      page={pageIndex + 1}
      pageCount={Math.max(1, table.getPageCount())}
      pageSize={pageSize}
      rowsOnPage={table.getRowModel().rows.length}
      pageSizes={PAGE_SIZES}
      onPageSize={(size) => table.setPageSize(size)}
      onPrevious={() => table.previousPage()}
      onNext={() => table.nextPage()}
    />
  );
}
