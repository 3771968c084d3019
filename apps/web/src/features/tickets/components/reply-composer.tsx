"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { replyCreateSchema, type TicketReplyView } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { replyToTicketAction } from "../actions/ticket-actions";
import { repliesWhileComposing, trafficCopMessage } from "../traffic-cop";
import { TextareaField } from "./textarea-field";
import { callAction } from "@/components/forms/call-action";

interface ReplyComposerProps {
  ticketId: string;
  viewerId: string;
  staffView: boolean;
  closed: boolean;
  replies: TicketReplyView[];
  /** Told whether the draft has text (typing indicators), and on every keystroke. */
  onDraftChange?: (text: string) => void;
  /** The reply box lost focus (a typing indicator stops there). */
  onDraftBlur?: () => void;
  /** Shown above the composer, e.g. who else is replying right now. */
  indicators?: ReactNode;
}

export function ReplyComposer({ ticketId, viewerId, staffView, closed, replies, onDraftChange, onDraftBlur, indicators }: ReplyComposerProps) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [internal, setInternal] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Replies already known when the draft was started; what arrives later is someone else's news.
  const [baseline, setBaseline] = useState<ReadonlySet<string> | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const newer = repliesWhileComposing(replies, baseline, viewerId);

  const change = (value: string) => {
    setText(value);
    setFieldError(undefined);
    if (value.trim() === "") setBaseline(null);
    else if (baseline === null) setBaseline(new Set(replies.map((r) => r.id)));
    onDraftChange?.(value);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = replyCreateSchema.safeParse({ body: text, internal: staffView && internal });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? "the reply is not valid");
      textarea.current?.focus();
      return;
    }
    setPending(true);
    const result = await callAction(() => replyToTicketAction(ticketId, parsed.data));
    setPending(false);
    if (!result.ok) {
      const message = result.error.fields?.body;
      if (message) {
        setFieldError(message);
        textarea.current?.focus();
      } else setFormError(result.error.message);
      return;
    }
    toast.success(result.data.internal ? "Internal note added" : "Reply sent");
    change("");
    setInternal(false);
    router.refresh();
  };

  const label = staffView ? "Message" : "Your reply";
  return (
    <section aria-labelledby="composer-heading" className="space-y-3">
      <h2 id="composer-heading" className="text-lg font-semibold">
        {staffView ? "Reply or add a note" : "Reply"}
      </h2>
      {indicators}
      {newer.length > 0 ? (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>
            <strong className="font-semibold">New reply on this ticket. </strong>
            {trafficCopMessage(newer)} Read it before you send yours.
          </p>
          <Button size="sm" variant="secondary" onClick={() => setBaseline(new Set(replies.map((r) => r.id)))}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {closed ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This ticket is closed. {staffView ? "Reopen it to reply." : "Open a new ticket if you need more help."}
        </p>
      ) : null}
      <form noValidate onSubmit={submit} className="space-y-3" aria-label={staffView ? "Reply or add a note" : "Reply"}>
        <FormAlert message={formError} />
        <TextareaField
          ref={textarea}
          id="reply-body"
          label={label}
          rows={5}
          value={text}
          onChange={(e) => change(e.target.value)}
          onBlur={onDraftBlur}
          error={fieldError}
          hint={
            staffView
              ? internal
                ? "Visible to staff only; the customer never sees internal notes. Mention a colleague with @name to notify them."
                : "The customer sees this reply. Mention a colleague with @name to notify them."
              : undefined
          }
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          {staffView ? (
            <CheckboxField id="reply-internal" label="Internal note" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          ) : (
            <span />
          )}
          <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Sending…" : staffView && internal ? "Add internal note" : "Send reply"}
          </Button>
        </div>
      </form>
    </section>
  );
}
