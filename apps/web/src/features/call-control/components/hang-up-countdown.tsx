"use client";

import { useEffect, useState } from "react";

/** How long a hang-up waits for Undo before it is sent. */
export const HANG_UP_DELAY_MS = 5_000;

/** "Sent in 4 s": the seconds left before a pending hang-up goes to the PBX. */
export function HangUpCountdown({ until }: { until: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <span role="timer" aria-label="Hang-up sent in" aria-live="off">
      Sent in {seconds} s — press Undo to keep the call
    </span>
  );
}
