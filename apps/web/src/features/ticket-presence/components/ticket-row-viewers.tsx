import type { TicketWatcher } from "@switchboard/contracts";
import { describeViewers } from "../viewer-text";
import { ViewerAvatars } from "./viewer-avatars";

/**
 * Who is on a ticket, for a list row (a table cell): small avatars, the same words for screen
 * readers. No live region: a list announcing every row's comings and goings would be noise.
 */
export function TicketRowViewers({ viewers }: { viewers: readonly TicketWatcher[] }) {
  if (viewers.length === 0) return <span className="sr-only">Nobody else viewing</span>;
  const text = describeViewers(viewers).join(". ");
  return (
    <span className="inline-flex items-center gap-1" title={text}>
      <ViewerAvatars viewers={viewers} size="sm" />
      <span className="sr-only">{text}</span>
    </span>
  );
}
