"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;
const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A timestamp in the reader's time zone; the server render (no zone known) shows UTC. */
export function LocalDate({ iso, fallback = "Never" }: { iso: string | null; fallback?: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false
  );
  if (!iso) return <>{fallback}</>;
  const date = new Date(iso);
  return <time dateTime={iso}>{inBrowser ? local.format(date) : `${utc.format(date)} UTC`}</time>;
}
