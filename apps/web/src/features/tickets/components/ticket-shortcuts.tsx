"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { callAction } from "@/components/forms/call-action";
import { updateTicketAction } from "../actions/ticket-actions";
import { TICKET_SHORTCUTS } from "../keyboard-shortcuts";
import type { TicketNeighborLinks } from "../server/load-ticket-neighbors";
import { useShortcuts } from "../use-shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";

interface TicketShortcutsProps {
  staffView: boolean;
  onStart: (mode: "reply" | "note") => void;
  /** What "a" assigns (null: nothing to do, e.g. already the viewer's). */
  assign: { ticketId: string; viewerId: string; version: number } | null;
  /** Where j and k go: the list the ticket was opened from. */
  neighbors: TicketNeighborLinks;
}

const CUSTOMER_KEYS = new Set(["r", "j", "k", "?"]);

/** The ticket page's shortcuts: r reply, n internal note, a assign to me, j/k next/previous ticket, ? this list. */
export function TicketShortcuts({ staffView, onStart, assign, neighbors }: TicketShortcutsProps) {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  const shortcuts = staffView ? TICKET_SHORTCUTS : TICKET_SHORTCUTS.filter((s) => CUSTOMER_KEYS.has(s.key));

  useShortcuts(shortcuts, (key) => {
    if (key === "?") setHelp(true);
    else if (key === "r") onStart("reply");
    else if (key === "n") onStart("note");
    else if (key === "a") void assignToMe();
    else if (key === "j") openNeighbor(neighbors.next, "This is the last ticket of the list");
    else if (key === "k") openNeighbor(neighbors.previous, "This is the first ticket of the list");
  });

  const openNeighbor = (href: string | null, atEnd: string) => {
    if (href) router.push(href);
    else toast.info(atEnd);
  };

  const assignToMe = async () => {
    if (!assign) {
      toast.info("This ticket is already assigned to you");
      return;
    }
    const result = await callAction(() => updateTicketAction(assign.ticketId, { assigneeId: assign.viewerId, version: assign.version }));
    if (!result.ok) {
      toast.error(result.error.fields?.assigneeId ?? result.error.message);
      return;
    }
    toast.success("Assigned to you");
    router.refresh();
  };

  return <ShortcutsHelp open={help} shortcuts={shortcuts} onClose={() => setHelp(false)} />;
}
