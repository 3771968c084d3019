"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import type { NotificationView } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Badge, Panel } from "@/components/ui/panel";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../actions/notification-actions";
import { applyNotificationEvents, describeNotification, NOTIFICATION_TOPICS, unreadAfter } from "../apply-notification-events";
import { callAction } from "@/components/forms/call-action";

interface NotificationsViewProps {
  seq: number;
  rows: NotificationView[];
  unread: number;
  page: number;
  pageCount: number;
}

const KIND_LABELS = { assignment: "Assignment", reply: "Reply", mention: "Mention", webhook_disabled: "Webhook" } as const;

export function NotificationsView({ seq, rows: initialRows, unread: initialUnread, page, pageCount }: NotificationsViewProps) {
  const router = useRouter();
  const events = useEventsSince(seq, NOTIFICATION_TOPICS);
  const rows = useMemo(() => applyNotificationEvents(initialRows, events, page === 1), [initialRows, events, page]);
  const unread = unreadAfter(initialUnread, events);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const markRead = async (n: NotificationView, refresh: boolean) => {
    setError(null);
    const result = await callAction(() => markNotificationReadAction(n.id));
    if (!result.ok) setError(result.error.message);
    // The event updates every tab; the refetch covers this one should live updates be delayed.
    else if (refresh) router.refresh();
  };
  const markAll = async () => {
    setError(null);
    setPending(true);
    const result = await callAction(() => markAllNotificationsReadAction());
    setPending(false);
    if (!result.ok) setError(result.error.message);
    else if (result.data.count > 0) toast.success(result.data.count === 1 ? "1 notification marked read" : `${result.data.count} notifications marked read`);
    router.refresh();
  };

  return (
    <Panel>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 p-3 dark:border-slate-800">
        <p aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400" data-testid="inbox-unread">
          {unread === 0 ? "You are all caught up." : unread === 1 ? "1 unread notification" : `${unread} unread notifications`}
        </p>
        <Button variant="secondary" size="sm" onClick={markAll} disabled={pending || unread === 0}>
          Mark all as read
        </Button>
      </div>
      <div className="p-3">
        <FormAlert message={error} />
      </div>
      {rows.length === 0 ? (
        <p className="px-3 py-10 text-center font-medium">No notifications yet. Assignments, replies on your tickets and mentions appear here.</p>
      ) : (
        <ul aria-label="Inbox" className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((n) => {
            const text = describeNotification(n);
            return (
              <li key={n.id} className={clsx("flex flex-wrap items-start justify-between gap-3 px-3 py-3", !n.readAt && "bg-brand-50/60 dark:bg-slate-800/60")}>
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge tone={n.readAt ? "neutral" : "info"}>{KIND_LABELS[n.kind]}</Badge>
                    {!n.readAt ? <span className="sr-only">Unread:</span> : null}
                    <Link
                      href={n.link}
                      className="font-semibold text-brand-700 hover:underline dark:text-brand-300"
                      onClick={() => !n.readAt && void markRead(n, false)}
                    >
                      {text}
                    </Link>
                  </p>
                  <p className="truncate text-sm text-slate-700 dark:text-slate-300">{n.ticketSubject}</p>
                  {n.excerpt && n.excerpt !== n.ticketSubject ? <p className="text-sm text-slate-600 italic dark:text-slate-400">“{n.excerpt}”</p> : null}
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    <LocalDate iso={n.createdAt} />
                  </p>
                </div>
                {n.readAt ? (
                  <span className="text-xs text-slate-600 dark:text-slate-400">Read</span>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => void markRead(n, true)} aria-label={`Mark read: ${text}`}>
                    Mark read
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Inbox pages" className="flex justify-end gap-2 border-t border-slate-200 p-3 dark:border-slate-800">
          {page > 1 ? (
            <ButtonLink size="sm" variant="secondary" href={`/notifications?page=${page - 1}`}>
              Previous page
            </ButtonLink>
          ) : null}
          {page < pageCount ? (
            <ButtonLink size="sm" variant="secondary" href={`/notifications?page=${page + 1}`}>
              Next page
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </Panel>
  );
}
