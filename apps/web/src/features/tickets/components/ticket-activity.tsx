import type { TicketActivityView } from "@switchboard/contracts";
import { LocalDate } from "@/components/ui/local-date";
import { describeActivity } from "../ticket-labels";

export function TicketActivity({ activity }: { activity: TicketActivityView[] }) {
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="mb-3 text-lg font-semibold">
        Activity
      </h2>
      {activity.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No activity yet.</p>
      ) : (
        <ol aria-label="Activity trail" className="space-y-2 border-l border-slate-200 pl-4 text-sm dark:border-slate-700">
          {activity.map((entry) => (
            <li key={entry.id}>
              <p>
                {describeActivity(entry)}
                {entry.internal ? <span className="text-slate-600 dark:text-slate-400"> (staff only)</span> : null}
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                <LocalDate iso={entry.createdAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
