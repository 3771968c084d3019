"use client";

import { Panel } from "@/components/ui/panel";
import { roleLabel } from "@/features/shell/role-label";
import type { Topic } from "@switchboard/contracts";
import { useRealtimeSnapshot } from "./realtime-provider";
import { useTopics } from "./use-topics";

/** Only a page showing this panel has the node send who is online (the list of a big organization is long). */
const PRESENCE_TOPICS: readonly Topic[] = ["presence"];

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** Who is online in the organization right now, merged across their tabs and nodes. */
export function PresencePanel({ currentUserId }: { currentUserId: string }) {
  useTopics(PRESENCE_TOPICS);
  const { presence, status } = useRealtimeSnapshot();
  const live = status === "live" || status === "delayed";
  return (
    <Panel className="p-5">
      <section aria-labelledby="presence-heading">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="presence-heading" className="text-base font-semibold">
            Online now
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {presence === null ? null : `${presence.total} ${presence.total === 1 ? "person" : "people"}`}
          </p>
        </div>
        {presence === null || presence.members.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            {!live ? "Waiting for the live connection…" : presence === null ? "Loading who is online…" : "No one is online yet."}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800" aria-label="People online">
            {presence.members.map((member) => (
              <li key={member.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="font-medium">
                  {member.name}
                  {member.userId === currentUserId ? <span className="text-slate-500 dark:text-slate-400"> (you)</span> : null}
                </span>
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  {roleLabel(member.role)} · {member.tabs} {member.tabs === 1 ? "tab" : "tabs"} · since{" "}
                  <time dateTime={member.since}>{time.format(new Date(member.since))}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
        {presence !== null && presence.total > presence.members.length ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">and {presence.total - presence.members.length} more not listed</p>
        ) : null}
      </section>
    </Panel>
  );
}
