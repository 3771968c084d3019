import { clsx } from "clsx";
import type { TicketWatcher } from "@switchboard/contracts";
import { initialsOf } from "../viewer-text";

const MAX_SHOWN = 4;

/** Overlapping initials, a ring on whoever is replying. Decorative: the sentence next to them says it in words. */
export function ViewerAvatars({ viewers, size = "md" }: { viewers: readonly TicketWatcher[]; size?: "sm" | "md" }) {
  const shown = viewers.slice(0, MAX_SHOWN);
  const more = viewers.length - shown.length;
  const box = size === "sm" ? "h-6 w-6 text-[10px]" : "h-8 w-8 text-xs";
  return (
    <span className="flex -space-x-2" aria-hidden="true">
      {shown.map((viewer) => (
        <span
          key={viewer.userId}
          title={viewer.typing ? `${viewer.name} (replying)` : viewer.name}
          className={clsx(
            "inline-flex items-center justify-center rounded-full border-2 border-white bg-sky-100 font-semibold text-sky-900 dark:border-slate-900 dark:bg-sky-900 dark:text-sky-100",
            box,
            viewer.typing && "ring-2 ring-amber-500"
          )}
        >
          {initialsOf(viewer.name)}
        </span>
      ))}
      {more > 0 ? (
        <span
          className={clsx(
            "inline-flex items-center justify-center rounded-full border-2 border-white bg-slate-200 font-semibold text-slate-700 dark:border-slate-900 dark:bg-slate-700 dark:text-slate-200",
            box
          )}
        >
          +{more}
        </span>
      ) : null}
    </span>
  );
}
