"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;
const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** A timeline moment to the second, in the reader's time zone (the server render shows UTC). */
export function CallTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false
  );
  const date = new Date(iso);
  return <time dateTime={iso}>{inBrowser ? local.format(date) : `${utc.format(date)} UTC`}</time>;
}
