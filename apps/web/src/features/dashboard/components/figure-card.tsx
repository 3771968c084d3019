import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";

/** One dashboard figure: the number large, its label under it (a <dt>/<dd> pair inside the caller's <dl>). */
export function FigureCard({ label, value, testId, detail }: { label: string; value: number; testId: string; detail?: ReactNode }) {
  return (
    <Panel className="p-5">
      <div className="flex flex-col-reverse gap-1">
        <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
        <dd className="text-3xl font-semibold tabular-nums" data-testid={testId}>
          {value}
        </dd>
      </div>
      {detail ? <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{detail}</p> : null}
    </Panel>
  );
}
