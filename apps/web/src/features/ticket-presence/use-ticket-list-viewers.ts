"use client";

import { useEffect, useMemo, useState } from "react";
import { ticketPresenceLimits, type TicketViewers, type TicketWatcher } from "@switchboard/contracts";
import { useRealtimeContext } from "@/features/realtime/realtime-provider";
import { newerViewers, othersOf } from "./viewer-text";

const ACK_TIMEOUT_MS = 5_000;
const EMPTY: readonly TicketWatcher[] = [];

/**
 * Who is on each of a list's tickets (the /tickets rows), live. Observes exactly `ticketIds` (the
 * first 100) while mounted and re-observes after every reconnect; tickets the viewer may not read
 * simply have nobody. Use it once per list; the server keeps one observed set per socket.
 * Returns a lookup: viewersOf(ticketId) → everyone but you on that ticket.
 */
export function useTicketListViewers(ticketIds: readonly string[], currentUserId: string, options: { enabled?: boolean } = {}) {
  const enabled = options.enabled ?? true;
  const { client } = useRealtimeContext();
  const socket = client?.connection ?? null;
  const key = ticketIds.slice(0, ticketPresenceLimits.observeMax).join(",");
  const [lists, setLists] = useState<ReadonlyMap<string, TicketViewers>>(new Map());

  useEffect(() => {
    if (!socket || !enabled) return;
    const ids = key ? key.split(",") : [];
    const wanted = new Set(ids);
    let active = true;
    const merge = (incoming: readonly TicketViewers[]) =>
      setLists((current) => {
        const next = new Map([...current].filter(([id]) => wanted.has(id)));
        for (const snapshot of incoming) if (wanted.has(snapshot.ticketId)) next.set(snapshot.ticketId, newerViewers(next.get(snapshot.ticketId), snapshot));
        return next;
      });
    const onViewers = (snapshot: TicketViewers) => active && merge([snapshot]);
    const observe = () =>
      socket.timeout(ACK_TIMEOUT_MS).emit("ticket:observe", { ticketIds: ids }, (error, ack) => {
        if (active && !error && ack.ok) merge(ack.data.tickets);
      });
    const onDisconnect = () => setLists(new Map());
    socket.on("ticket:viewers", onViewers);
    socket.on("connect", observe);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) observe();
    return () => {
      active = false;
      socket.off("ticket:viewers", onViewers);
      socket.off("connect", observe);
      socket.off("disconnect", onDisconnect);
      if (socket.connected) socket.emit("ticket:observe", { ticketIds: [] }, () => undefined);
    };
  }, [socket, key, enabled]);

  return useMemo(() => {
    const others = new Map([...lists].map(([id, snapshot]) => [id, othersOf(snapshot.viewers, currentUserId)]));
    return { viewersOf: (ticketId: string): readonly TicketWatcher[] => others.get(ticketId) ?? EMPTY };
  }, [lists, currentUserId]);
}
