import type { ReactNode } from "react";
import { STICKY_ACTIONS_HEAD } from "./sticky-actions";

const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400";

interface PlainTableProps {
  /** Names the table for assistive technology. */
  caption: string;
  /** Column headers, in order. */
  headers: readonly string[];
  /** Adds a last column for row actions, named "Actions" for screen readers. */
  actions?: boolean;
  /** Shown across the table when there are no rows; null when there are. */
  empty: ReactNode;
  /** The <tr>s. */
  children: ReactNode;
}

/** A real <table> with a caption and column headers, for lists the caller renders row by row (no client sorting or paging). */
export function PlainTable({ caption, headers, actions = false, empty, children }: PlainTableProps) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/50">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={th}>
                {header}
              </th>
            ))}
            {actions ? (
              <th scope="col" className={`${th} ${STICKY_ACTIONS_HEAD}`}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {empty ? (
            <tr>
              <td colSpan={headers.length + (actions ? 1 : 0)} className="px-3 py-10 text-center">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
