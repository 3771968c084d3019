"use client";

import { useState } from "react";
import { LIST_SHORTCUTS, stepRow } from "../keyboard-shortcuts";
import { useShortcuts } from "../use-shortcuts";
import { ShortcutsHelp } from "./shortcuts-help";

/** The list's shortcuts: j/k move between tickets (Enter opens one), / searches, ? lists them. */
export function TicketListShortcuts() {
  const [help, setHelp] = useState(false);
  useShortcuts(LIST_SHORTCUTS, (key) => {
    if (key === "?") setHelp(true);
    else if (key === "/") document.getElementById("ticket-search")?.focus();
    else {
      const links = [...document.querySelectorAll<HTMLAnchorElement>("table[data-ticket-list] tbody a[data-ticket-link]")];
      const current = links.findIndex((link) => link === document.activeElement);
      links[stepRow(current, links.length, key === "j" ? 1 : -1)]?.focus();
    }
  });
  return <ShortcutsHelp open={help} shortcuts={LIST_SHORTCUTS} onClose={() => setHelp(false)} />;
}
