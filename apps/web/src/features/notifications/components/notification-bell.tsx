"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { NOTIFICATION_TOPICS, unreadAfter } from "../apply-notification-events";

/** The header's inbox link with the live unread count (assignments, replies, mentions). */
export function NotificationBell({ unread: initialUnread, seq }: { unread: number; seq: number }) {
  const events = useEventsSince(seq, NOTIFICATION_TOPICS);
  const unread = unreadAfter(initialUnread, events);
  const current = usePathname() === "/notifications";
  return (
    <Link
      href="/notifications"
      aria-current={current ? "page" : undefined}
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread"}
      className={clsx(
        "relative inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800",
        current && "bg-brand-50 dark:bg-slate-800"
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
