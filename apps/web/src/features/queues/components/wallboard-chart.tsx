"use client";

import { clsx } from "clsx";
import { useSyncExternalStore } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "../wallboard-figures";

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const label = (iso: string) => time.format(new Date(iso));
const subscribe = () => () => undefined;

/**
 * Calls offered, answered and abandoned per 15 minutes today (bars, left axis) and the service
 * level of each interval (line, right axis), drawn with Recharts. The same numbers are in a table
 * for screen readers and keyboard users; the chart itself is drawn only in the browser.
 */
export function WallboardChart({ points, tv }: { points: readonly ChartPoint[]; tv: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false
  );
  const data = points.map((p) => ({ ...p, label: label(p.at) }));
  const font = tv ? 18 : 12;
  return (
    <figure className="flex h-full min-h-0 flex-col">
      <figcaption className={clsx("font-semibold", tv ? "text-[1.8vw]" : "px-3 pt-3 text-lg")}>Calls per 15 minutes today</figcaption>
      <div className={clsx("min-h-0 flex-1", tv ? "" : "h-72 p-2")} aria-hidden="true">
        {inBrowser ? (
          <ResponsiveContainer width="100%" height="100%" minHeight={tv ? 0 : 250}>
            {/* The table below tells the same numbers; the hidden picture must not take focus (recharts makes it focusable). */}
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false} tabIndex={-1}>
              <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
              <XAxis dataKey="label" tick={{ fontSize: font }} minTickGap={16} />
              <YAxis yAxisId="calls" allowDecimals={false} tick={{ fontSize: font }} width={36} />
              <YAxis yAxisId="sl" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: font }} width={44} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: font }} />
              <Bar yAxisId="calls" dataKey="offered" name="Offered" fill="#64748b" isAnimationActive={false} />
              <Bar yAxisId="calls" dataKey="answered" name="Answered" fill="#059669" isAnimationActive={false} />
              <Bar yAxisId="calls" dataKey="abandoned" name="Abandoned" fill="#dc2626" isAnimationActive={false} />
              <Line
                yAxisId="sl"
                dataKey="serviceLevel"
                name="Service level %"
                stroke="#4f46e5"
                strokeWidth={3}
                strokeDasharray="6 3"
                connectNulls
                dot
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      {tv ? null : (
        <details className="px-3 pb-3 text-sm">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">The chart's numbers as a table</summary>
          <table className="mt-2 w-full text-left">
            <caption className="sr-only">Calls per 15 minutes today</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Offered</th>
                <th scope="col">Answered</th>
                <th scope="col">Abandoned</th>
                <th scope="col">Service level</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.at}>
                  <th scope="row">{p.label}</th>
                  <td>{p.offered}</td>
                  <td>{p.answered}</td>
                  <td>{p.abandoned}</td>
                  <td>{p.serviceLevel === null ? "—" : `${p.serviceLevel}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
