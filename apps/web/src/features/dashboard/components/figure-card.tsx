import { clsx } from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";

interface FigureCardProps {
  label: string;
  value: number;
  testId: string;
  detail?: ReactNode;
  /** The list behind the figure, filtered to what it counts. */
  href?: string;
  /** Said next to a warning icon when the figure needs attention (never by colour alone). */
  warning?: string | null;
}

/** A warning triangle; always next to words that say the warning. */
export function WarningIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0" fill="currentColor">
      <path d="M8.6 2.9a1.6 1.6 0 0 1 2.8 0l6.4 11.5A1.6 1.6 0 0 1 16.4 17H3.6a1.6 1.6 0 0 1-1.4-2.6L8.6 2.9ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z" />
    </svg>
  );
}

/**
 * One dashboard figure inside the caller's <dl>: a <div> holding its <dt> and <dd>s (the only
 * wrapper a definition list allows). The number shows first, large; it links to the list it counts.
 */
export function FigureCard({ label, value, testId, detail, href, warning }: FigureCardProps) {
  return (
    <Panel className={clsx("relative flex flex-col gap-1 p-5", warning && "border-amber-400 ring-1 ring-amber-400 dark:border-amber-500 dark:ring-amber-500")}>
      <dt className="order-2 text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="order-1 text-3xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="rounded-sm underline-offset-4 after:absolute after:inset-0 after:rounded-lg hover:underline">
            <span data-testid={testId}>{value}</span>
            <span className="sr-only"> {label.toLowerCase()}, show the list</span>
          </Link>
        ) : (
          <span data-testid={testId}>{value}</span>
        )}
      </dd>
      {warning ? (
        <dd className="order-3 flex items-center gap-1.5 text-sm font-medium text-amber-800 dark:text-amber-300">
          <WarningIcon />
          <span>
            <span className="sr-only">Warning: </span>
            {warning}
          </span>
        </dd>
      ) : null}
      {detail ? <dd className="order-4 text-xs text-slate-600 dark:text-slate-400">{detail}</dd> : null}
    </Panel>
  );
}
