import { useState } from "react";

/** A browser clock ahead of the server by less than this looks the same as a page that took long to arrive. */
const AHEAD_TOLERANCE_MS = 30_000;
/** A browser clock behind the server cannot be explained by delivery time; below this it is ignored as noise. */
const BEHIND_TOLERANCE_MS = 2_000;

/**
 * Server clock minus browser clock, from the server's time as the page was made and the browser's
 * as it first rendered. The page's delivery time (long on a busy machine) makes the browser look
 * ahead, so only a difference no delivery explains is taken for a wrong clock (a wallboard PC set
 * wrong by minutes); anything else counts as 0.
 */
export function clockOffset(serverTime: string, browserNow: number): number {
  const skew = Date.parse(serverTime) - browserNow;
  if (Number.isNaN(skew)) return 0;
  if (skew > BEHIND_TOLERANCE_MS || skew < -AHEAD_TOLERANCE_MS) return skew;
  return 0;
}

/** clockOffset, measured once when the component first renders. */
export function useClockOffset(serverTime: string): number {
  const [offset] = useState(() => clockOffset(serverTime, Date.now()));
  return offset;
}
