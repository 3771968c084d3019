"use client";

import type { Header } from "@tanstack/react-table";
import { flexRender } from "@tanstack/react-table";
import { clsx } from "clsx";
import { STICKY_ACTIONS_HEAD } from "./sticky-actions";

type AriaSort = "ascending" | "descending" | "none";

export function ariaSortOf(direction: false | "asc" | "desc"): AriaSort {
  if (direction === "asc") return "ascending";
  if (direction === "desc") return "descending";
  return "none";
}

/** A column header: a real <th scope="col">, sortable ones through a button that says its state. */
export function SortHeader<T>({ header, sticky = false }: { header: Header<T, unknown>; sticky?: boolean }) {
  const column = header.column;
  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
  const className = clsx(
    "px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase dark:text-slate-300",
    sticky && STICKY_ACTIONS_HEAD
  );
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {content}
      </th>
    );
  }
  const direction = column.getIsSorted();
  return (
    <th scope="col" aria-sort={ariaSortOf(direction)} className={className}>
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900 dark:hover:text-white"
      >
        {content}
        <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3">
          <path d="M6 2 9 5H3z" className={direction === "asc" ? "fill-current" : "fill-slate-300 dark:fill-slate-600"} />
          <path d="M6 10 3 7h6z" className={direction === "desc" ? "fill-current" : "fill-slate-300 dark:fill-slate-600"} />
        </svg>
      </button>
    </th>
  );
}
