"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { QUEUE_STRATEGIES, type QueueView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { controlClasses, describedBy, FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/forms/form-alert";
import { ConflictBanner } from "@/features/versioning/conflict-banner";
import { QUEUE_SUBJECT } from "@/features/versioning/edit-conflict";
import { useEditConflict } from "@/features/versioning/use-edit-conflict";
import { createQueueAction, updateQueueAction } from "../actions/queue-actions";
import { callAction } from "@/components/forms/call-action";

export interface ExtensionOption {
  id: string;
  number: string;
  displayName: string;
}

interface QueueFormProps {
  /** The queue to edit, as the live list holds it; none for a new one. */
  queue?: QueueView;
  /** The seq the page's snapshot reflects: the form watches the queue's events after it. */
  seq: number;
  extensions: readonly ExtensionOption[];
  onDone: () => void;
}

type QueueValues = ReturnType<typeof valuesOf>;

function valuesOf(queue: QueueView | undefined) {
  return {
    name: queue?.name ?? "",
    number: queue?.number ?? "",
    strategy: queue?.strategy ?? "ringall",
    serviceLevelSeconds: String(queue?.serviceLevelSeconds ?? 20),
    serviceLevelTarget: String(queue?.serviceLevelTarget ?? 80),
    wrapUpSeconds: String(queue?.wrapUpSeconds ?? 0)
  };
}

const membersOf = (queue: QueueView | undefined) => new Map(queue?.members.map((m) => [m.extensionId, m.penalty]) ?? []);

function sameForm(a: QueueValues, b: QueueValues, am: Map<string, number>, bm: Map<string, number>): boolean {
  const keys = Object.keys(a) as (keyof QueueValues)[];
  return keys.every((k) => a[k] === b[k]) && am.size === bm.size && [...am].every(([ext, penalty]) => bm.get(ext) === penalty);
}

/**
 * A queue's settings and members (with penalties). Someone else's save or deletion shows on the
 * open form the moment it arrives (untouched values just follow it); a save names the version it
 * is based on and a stale one is refused, so nothing is silently overwritten.
 */
export function QueueForm({ queue: live, seq, extensions, onDone }: QueueFormProps) {
  const id = useId();
  const [base, setBase] = useState(live);
  // A queue deleted while open stays the subject of its form (the banner says it is gone).
  const queue = live ?? base;
  const [values, setValues] = useState(() => valuesOf(queue));
  const [members, setMembers] = useState<Map<string, number>>(() => membersOf(queue));
  const edit = useEditConflict(
    queue
      ? {
          subject: QUEUE_SUBJECT,
          id: queue.id,
          loaded: { version: queue.version, view: queue },
          seq,
          dirty: !sameForm(values, valuesOf(base), members, membersOf(base)),
          adopt: (view) => {
            setBase(view);
            setValues(valuesOf(view));
            setMembers(membersOf(view));
          }
        }
      : null
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, members: [...members.entries()].map(([extensionId, penalty]) => ({ extensionId, penalty })) };
    startTransition(async () => {
      setMessage(null);
      const result = queue
        ? await callAction(() => updateQueueAction(queue.id, { ...input, version: edit.baseVersion }))
        : await callAction(() => createQueueAction(input));
      if (result.ok) {
        toast.success(queue ? `Queue ${result.data.name} saved` : `Queue ${result.data.name} created`);
        if ("warning" in result.data && result.data.warning) toast.warning(`Queue ${result.data.name}: ${result.data.warning}`);
        onDone();
      } else if (!edit.onSaveError(result.error)) {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.message);
      }
    });
  };

  const field = (key: keyof typeof values, label: string, props: { inputMode?: "numeric"; hint?: string; required?: boolean } = {}) => {
    const fieldId = `${id}-${key}`;
    return (
      <FieldFrame id={fieldId} label={label} hint={props.hint} error={errors[key]} required={props.required}>
        <input
          id={fieldId}
          name={key}
          value={values[key]}
          onChange={(e) => set(key)(e.target.value)}
          inputMode={props.inputMode}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={describedBy(fieldId, props.hint, errors[key])}
          className={controlClasses}
        />
      </FieldFrame>
    );
  };

  return (
    <form onSubmit={submit} aria-label={queue ? `Edit queue ${queue.name}` : "New queue"} className="space-y-4" noValidate>
      <ConflictBanner conflict={edit.conflict} noun="queue" onReload={edit.reload} onKeepMine={edit.keepMine} />
      {edit.notice ? (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {edit.notice}
        </p>
      ) : null}
      <FormAlert message={message} />
      <div className="grid gap-4 sm:grid-cols-3">
        {field("name", "Name", { hint: "The queue's name on the PBX", required: true })}
        {field("number", "Number", { inputMode: "numeric", hint: "What callers dial (optional)" })}
        <FieldFrame id={`${id}-strategy`} label="Strategy" error={errors.strategy}>
          <select id={`${id}-strategy`} value={values.strategy} onChange={(e) => set("strategy")(e.target.value)} className={controlClasses}>
            {QUEUE_STRATEGIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </FieldFrame>
        {field("serviceLevelSeconds", "Service level (seconds)", { inputMode: "numeric", hint: "Answered within this counts as within service level" })}
        {field("serviceLevelTarget", "Service level target (%)", { inputMode: "numeric" })}
        {field("wrapUpSeconds", "Wrap-up (seconds)", { inputMode: "numeric", hint: "After a queue call, before the agent is rung again" })}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Members</legend>
        {errors.members ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.members}</p> : null}
        <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {extensions.map((ext) => {
            const checked = members.has(ext.id);
            const boxId = `${id}-member-${ext.id}`;
            return (
              <li key={ext.id} className="flex items-center gap-2">
                <input
                  id={boxId}
                  type="checkbox"
                  checked={checked}
                  onChange={(e) =>
                    setMembers((m) => {
                      const next = new Map(m);
                      if (e.target.checked) next.set(ext.id, 0);
                      else next.delete(ext.id);
                      return next;
                    })
                  }
                  className="size-4 accent-brand-600"
                />
                <label htmlFor={boxId} className="flex-1 text-sm">
                  {ext.number} {ext.displayName}
                </label>
                {checked ? (
                  <>
                    <label htmlFor={`${boxId}-penalty`} className="sr-only">
                      Penalty of {ext.number} {ext.displayName}
                    </label>
                    <input
                      id={`${boxId}-penalty`}
                      inputMode="numeric"
                      value={String(members.get(ext.id) ?? 0)}
                      onChange={(e) => setMembers((m) => new Map(m).set(ext.id, Number(e.target.value) || 0))}
                      className={`${controlClasses} w-16 py-1`}
                      title="Penalty: lower is rung first"
                    />
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || edit.conflict?.kind === "deleted"}>
          {queue ? "Save queue" : "Create queue"}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
