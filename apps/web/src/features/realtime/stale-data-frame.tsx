"use client";

import { clsx } from "clsx";
import type { ReactNode } from "react";
import { asOfLabel, isDisconnected } from "./connection-status";
import { useRealtimeSnapshot } from "./realtime-provider";

/**
 * The page's content, dimmed while the connection is lost: what it shows is only known to be
 * current up to the moment it was lost ("as of 14:03:12"). Reading and typing keep working.
 */
export function StaleDataFrame({ children }: { children: ReactNode }) {
  const { status, lostAt } = useRealtimeSnapshot();
  const stale = isDisconnected(status) && lostAt !== null;
  return (
    <>
      {stale ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Connection lost — showing data {asOfLabel(lostAt)}; it may be out of date until the connection is back.
        </p>
      ) : null}
      <div data-stale={stale || undefined} className={clsx("transition-opacity", stale && "opacity-60")}>
        {children}
      </div>
    </>
  );
}
