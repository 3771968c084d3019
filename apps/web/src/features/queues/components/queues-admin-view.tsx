"use client";

import { useId, useMemo, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import type { PauseReasonView, QueueView } from "@switchboard/contracts";
import { STICKY_ACTIONS_CELL, STICKY_ACTIONS_HEAD } from "@/components/data-table/sticky-actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { controlClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { createPauseReasonAction, deletePauseReasonAction, deleteQueueAction } from "../actions/queue-actions";
import { isQueueEvent, nextQueues, QUEUE_TOPICS } from "../apply-queue-events";
import { useLivePauseReasons } from "../use-pause-reasons";
import { QueueForm, type ExtensionOption } from "./queue-form";
import { callAction } from "@/components/forms/call-action";

interface QueuesAdminViewProps {
  seq: number;
  queues: QueueView[];
  pauseReasons: PauseReasonView[];
  extensions: ExtensionOption[];
}

/** Queues (settings and members, live) and the organization's pause reasons, for admins. */
export function QueuesAdminView({ seq, queues: initial, pauseReasons: initialReasons, extensions }: QueuesAdminViewProps) {
  const pauseReasons = useLivePauseReasons(initialReasons, seq);
  const events = useEventsSince(seq, QUEUE_TOPICS);
  const queues = useMemo(() => events.filter(isQueueEvent).reduce(nextQueues, initial), [events, initial]);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [deleting, setDeleting] = useState<QueueView | null>(null);
  const [pending, startTransition] = useTransition();
  const edited = queues.find((q) => q.id === editing);

  const remove = () =>
    startTransition(async () => {
      if (!deleting) return;
      const result = await callAction(() => deleteQueueAction(deleting.id));
      if (result.ok) {
        toast.success(`Queue ${deleting.name} deleted`);
        if (result.data.warning) toast.warning(`Queue ${deleting.name}: ${result.data.warning}`);
      } else toast.error(result.error.message);
      setDeleting(null);
    });

  return (
    <div className="space-y-8">
      <section aria-labelledby="queues-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="queues-heading" className="text-lg font-semibold">
            Queues
          </h2>
          {editing === null ? <Button onClick={() => setEditing("new")}>New queue</Button> : null}
        </div>
        {editing !== null ? (
          <Panel className="p-4">
            <QueueForm key={editing} queue={edited} seq={seq} extensions={extensions} onDone={() => setEditing(null)} />
          </Panel>
        ) : null}
        <Panel className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Queues</caption>
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                {["Name", "Number", "Strategy", "Service level", "Wrap-up", "Members", "Actions"].map((h) => (
                  <th key={h} scope="col" className={`px-3 py-2 ${h === "Actions" ? STICKY_ACTIONS_HEAD : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {queues.map((q) => (
                <tr key={q.id}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <button type="button" onClick={() => setEditing(q.id)} className="text-left text-brand-700 hover:underline dark:text-brand-300">
                      {q.name}
                    </button>
                  </th>
                  <td className="px-3 py-2">{q.number ?? "—"}</td>
                  <td className="px-3 py-2">{q.strategy}</td>
                  <td className="px-3 py-2">
                    {q.serviceLevelTarget}% within {q.serviceLevelSeconds} s
                  </td>
                  <td className="px-3 py-2">{q.wrapUpSeconds} s</td>
                  <td className="px-3 py-2">{q.members.map((m) => `${m.extensionNumber}${m.penalty ? ` (penalty ${m.penalty})` : ""}`).join(", ") || "—"}</td>
                  <td className={`px-3 py-2 ${STICKY_ACTIONS_CELL}`}>
                    <div className="flex gap-1">
                      <Button size="sm" variant="secondary" onClick={() => setEditing(q.id)} aria-label={`Edit queue ${q.name}`}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setDeleting(q)} aria-label={`Delete queue ${q.name}`}>
                        Delete
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {queues.length === 0 ? <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No queues yet.</p> : null}
        </Panel>
      </section>
      <PauseReasons reasons={pauseReasons} />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete queue ${deleting?.name ?? ""}?`}
        description="Its members, waiting callers and history go with it; agents signed in to it are signed out on the PBX. The queue stays configured on the PBX."
        confirmLabel="Delete"
        pending={pending}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}

function PauseReasons({ reasons }: { reasons: PauseReasonView[] }) {
  const inputId = useId();
  const errorId = useId();
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const add = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      const result = await callAction(() => createPauseReasonAction({ label }));
      if (result.ok) {
        toast.success(`Pause reason ${result.data.label} added`);
        setLabel("");
      } else setError(result.error.fields?.label ?? result.error.message);
    });
  };
  const remove = (reason: PauseReasonView) =>
    startTransition(async () => {
      const result = await callAction(() => deletePauseReasonAction(reason.id));
      if (result.ok) toast.success(`Pause reason ${reason.label} removed`);
      else setError(result.error.message);
    });

  return (
    <section aria-labelledby="pause-reasons-heading" className="space-y-3">
      <h2 id="pause-reasons-heading" className="text-lg font-semibold">
        Pause reasons
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">What agents may pause with; a pause with any other reason is refused.</p>
      <Panel className="space-y-3 p-4">
        {reasons.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No pause reasons yet: agents cannot pause until one is added.</p>
        ) : null}
        <ul className="flex flex-wrap gap-2">
          {reasons.map((r) => (
            <li key={r.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-sm dark:bg-slate-800">
              {r.label}
              <Button size="sm" variant="ghost" onClick={() => remove(r)} disabled={pending} aria-label={`Remove pause reason ${r.label}`}>
                ×
              </Button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} className="flex items-end gap-2" noValidate>
          <div>
            <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
              New pause reason
            </label>
            <input
              id={inputId}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className={controlClasses}
            />
          </div>
          <Button type="submit" disabled={pending || label.trim() === ""}>
            Add
          </Button>
        </form>
        {error ? (
          <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </Panel>
    </section>
  );
}
