"use client";

import Form from "next/form";
import { useId } from "react";
import { CALL_DIRECTIONS, CALL_RESULTS } from "@switchboard/contracts";
import type { CallDirectoryEntry } from "@switchboard/contracts";
import { Button, ButtonLink } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { CALL_DIRECTION_LABELS, CALL_RESULT_LABELS } from "../call-format";
import type { RecentParams } from "../server/load-calls";

interface RecentCallsFiltersProps {
  params: RecentParams;
  extensions: CallDirectoryEntry[];
  timeZone: string;
}

const label = "mb-1 block text-sm font-medium";

/**
 * A GET form: the filters live in the URL (/calls?direction=inbound&result=missed), and next/form
 * navigates client-side so the live connection stays up.
 */
export function RecentCallsFilters({ params, extensions, timeZone }: RecentCallsFiltersProps) {
  const id = useId();
  const filtered = Object.entries(params).some(([key, value]) => key !== "page" && value);
  return (
    <Form
      action="/calls"
      scroll={false}
      role="search"
      aria-label="Filter recent calls"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800"
      // Remount on navigation so the fields show the URL's values.
      key={JSON.stringify(params)}
    >
      <div className="min-w-40 flex-1">
        <label htmlFor={`${id}-q`} className={label}>
          Search calls
        </label>
        <input id={`${id}-q`} name="q" type="search" defaultValue={params.q ?? ""} placeholder="Number or name" className={controlClasses} />
      </div>
      <div>
        <label htmlFor={`${id}-direction`} className={label}>
          Direction
        </label>
        <select id={`${id}-direction`} name="direction" defaultValue={params.direction ?? ""} className={controlClasses}>
          <option value="">All directions</option>
          {CALL_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {CALL_DIRECTION_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-result`} className={label}>
          Result
        </label>
        <select id={`${id}-result`} name="result" defaultValue={params.result ?? ""} className={controlClasses}>
          <option value="">All results</option>
          {CALL_RESULTS.map((r) => (
            <option key={r} value={r}>
              {CALL_RESULT_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-extension`} className={label}>
          Extension
        </label>
        <select id={`${id}-extension`} name="extension" defaultValue={params.extension ?? ""} className={controlClasses}>
          <option value="">All extensions</option>
          {extensions.map((e) => (
            <option key={e.id} value={e.number}>
              {e.number} {e.displayName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className={label}>
          From date
        </label>
        <input id={`${id}-from`} name="from" type="date" defaultValue={params.from ?? ""} className={controlClasses} aria-describedby={`${id}-utc`} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={label}>
          To date
        </label>
        <input id={`${id}-to`} name="to" type="date" defaultValue={params.to ?? ""} className={controlClasses} aria-describedby={`${id}-utc`} />
      </div>
      <p id={`${id}-utc`} className="sr-only">
        Days are counted in your organization's time zone, {timeZone}.
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {filtered ? (
          <ButtonLink href="/calls" variant="ghost" scroll={false}>
            Clear filters
          </ButtonLink>
        ) : null}
      </div>
    </Form>
  );
}
