"use client";

import type { TicketWatcher } from "@switchboard/contracts";
import { describeViewers } from "../viewer-text";
import { ViewerAvatars } from "./viewer-avatars";

/**
 * "Ana is viewing", "Bo is replying…" with avatars, for the ticket page. Takes `others` from
 * useTicketPresence. The status line is always in the page (a live region must exist before it
 * changes to be announced); with nobody else there it is empty and takes no space.
 */
export function TicketViewers({ others }: { others: readonly TicketWatcher[] }) {
  const sentences = describeViewers(others);
  return (
    <section aria-label="Also on this ticket" className="flex min-h-0 items-center gap-2">
      {others.length ? <ViewerAvatars viewers={others} /> : null}
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {sentences.map((sentence) => (
          <span key={sentence} className="block">
            {sentence}
          </span>
        ))}
      </p>
    </section>
  );
}
