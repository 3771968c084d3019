"use client";

import { RealtimeProvider, type RealtimeProviderProps } from "@/features/realtime/realtime-provider";
import { eventDescribers } from "../console-events";

/** The tab's realtime connection, with every feature's toasts registered (functions cannot cross from the server shell). */
export function ConsoleRealtimeProvider(props: Omit<RealtimeProviderProps, "describers">) {
  return <RealtimeProvider {...props} describers={eventDescribers} />;
}
