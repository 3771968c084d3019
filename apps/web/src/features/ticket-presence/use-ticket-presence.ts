"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ticketPresenceLimits, type TicketViewers, type TicketWatcher } from "@switchboard/contracts";
import { useRealtimeContext } from "@/features/realtime/realtime-provider";
import { TypingThrottle } from "./typing-throttle";
import { newerViewers, othersOf } from "./viewer-text";

/**
 * watching: the server lists you and sends changes; connecting: not (yet) connected;
 * unavailable: the server refused (customers, no access) or failed — nothing is shown.
 */
type TicketPresenceStatus = "connecting" | "watching" | "unavailable";

export interface TicketPresence {
  /** Everyone else on the ticket, in the order they arrived. */
  others: TicketWatcher[];
  /** Those of `others` who are replying right now. */
  typing: TicketWatcher[];
  status: TicketPresenceStatus;
  /** Call on every keystroke in the reply box: sends at most one message per 2 s. */
  notifyTyping: () => void;
  /** Call when the reply is sent, the draft cleared or the box left. */
  stopTyping: () => void;
}

const ACK_TIMEOUT_MS = 5_000;

/**
 * Who else is on a ticket (collision detection). Watches the ticket while mounted and on every
 * reconnect (with the draft state, so "replying…" survives a reconnect), keeps the newest viewer
 * list, and unwatches on unmount. Use it once per ticket page; pass `notifyTyping`/`stopTyping`
 * to the reply box. Customers get status "unavailable" and nobody listed (staff-only by policy).
 */
export function useTicketPresence(ticketId: string, currentUserId: string, options: { enabled?: boolean } = {}): TicketPresence {
  const enabled = options.enabled ?? true;
  const { client } = useRealtimeContext();
  const socket = client?.connection ?? null;
  const [snapshot, setSnapshot] = useState<TicketViewers | undefined>(undefined);
  const [status, setStatus] = useState<TicketPresenceStatus>("connecting");
  const throttle = useRef<TypingThrottle | null>(null);

  useEffect(() => {
    if (!socket || !enabled) return;
    let active = true;
    const accept = (incoming: TicketViewers) => {
      if (active && incoming.ticketId === ticketId) setSnapshot((current) => newerViewers(current?.ticketId === ticketId ? current : undefined, incoming));
    };
    const typingThrottle = new TypingThrottle((typing) => {
      if (!socket.connected) return;
      socket.timeout(ACK_TIMEOUT_MS).emit("ticket:typing", { ticketId, typing }, () => undefined);
    }, ticketPresenceLimits.typingThrottleMs);
    throttle.current = typingThrottle;
    const watch = () => {
      typingThrottle.reset();
      socket.timeout(ACK_TIMEOUT_MS).emit("ticket:watch", { ticketId, composing: typingThrottle.composing }, (error, ack) => {
        if (!active) return;
        if (error || !ack.ok) return setStatus("unavailable");
        setStatus("watching");
        accept(ack.data);
      });
    };
    const onDisconnect = () => {
      // A list from before the outage could show people who left meanwhile: show nobody until re-watched.
      setSnapshot(undefined);
      setStatus("connecting");
    };
    socket.on("ticket:viewers", accept);
    socket.on("connect", watch);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) watch();
    return () => {
      active = false;
      socket.off("ticket:viewers", accept);
      socket.off("connect", watch);
      socket.off("disconnect", onDisconnect);
      if (throttle.current === typingThrottle) throttle.current = null;
      if (socket.connected) socket.emit("ticket:unwatch", { ticketId }, () => undefined);
      setSnapshot(undefined);
      setStatus("connecting");
    };
  }, [socket, ticketId, enabled]);

  const notifyTyping = useCallback(() => throttle.current?.notify(), []);
  const stopTyping = useCallback(() => throttle.current?.stop(), []);
  const others = snapshot && enabled ? othersOf(snapshot.viewers, currentUserId) : [];
  return { others, typing: others.filter((v) => v.typing), status: enabled ? status : "unavailable", notifyTyping, stopTyping };
}
