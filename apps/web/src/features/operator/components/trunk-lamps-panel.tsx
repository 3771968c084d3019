import { clsx } from "clsx";
import { LampDot } from "@/components/status/lamps";
import type { TrunkLamp } from "../waiting-calls";

const DOT = { registered: "idle", rejected: "busy", unreachable: "unreachable", unknown: "unregistered" } as const;

/** One line per trunk: registration in words with its lamp, and channels in use out of capacity. */
export function TrunkLampsPanel({ lamps }: { lamps: readonly TrunkLamp[] }) {
  return (
    <section aria-labelledby="trunks-heading" className="rounded-lg border border-slate-200 bg-white p-2 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="trunks-heading" className="mb-1.5 text-sm font-semibold">
        Trunks
      </h2>
      {lamps.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">No trunks configured.</p>
      ) : (
        <ul aria-label="Trunk lamps" className="space-y-1">
          {lamps.map((lamp) => (
            <li key={lamp.id} aria-label={`Trunk ${lamp.name}`} className="flex items-center gap-1.5 text-xs" data-registration={lamp.registration}>
              <LampDot kind={DOT[lamp.registration]} />
              <span className="min-w-0 flex-1 truncate font-medium" title={lamp.name}>
                {lamp.name}
              </span>
              <span>{lamp.label}</span>
              <span
                className={clsx("w-12 text-right font-mono tabular-nums", lamp.full && "font-bold text-red-700 dark:text-red-400")}
                title={`${lamp.inUse} of ${lamp.capacity} channels in use`}
              >
                <span className="sr-only">Channels in use: </span>
                {lamp.inUse}/{lamp.capacity}
                {lamp.full ? <span className="sr-only"> (full)</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
