"use client";

import { useRouter } from "next/navigation";
import { useImperativeHandle, useRef, useState, type ReactNode, type Ref } from "react";
import { toast } from "sonner";
import { replyCreateSchema, type CannedReplyView, type CannedValues, type TicketReplyView } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { replyToTicketAction } from "../actions/ticket-actions";
import { repliesWhileComposing, trafficCopMessage } from "../traffic-cop";
import { callAction } from "@/components/forms/call-action";
import type { MentionCandidate } from "../mention-query";
import { AttachmentPicker, useAttachments } from "./attachment-picker";
import { CannedReplyPicker } from "./canned-reply-picker";
import { ComposerModeToggle } from "./composer-mode-toggle";
import { MentionTextarea } from "./mention-textarea";

/** What the page's keyboard shortcuts may ask of the composer. */
export interface ComposerHandle {
  /** Switches to a reply or an internal note and puts the caret in the message box. */
  start: (mode: "reply" | "note") => void;
}

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
  /** Colleagues the staff may @-mention on this ticket. */
  mentionables?: readonly MentionCandidate[];
  cannedReplies?: CannedReplyView[];
  /** The values of the canned replies' placeholders on this ticket. */
  cannedValues?: CannedValues;
  ref?: Ref<ComposerHandle>;
}

export function ReplyComposer(props: ReplyComposerProps) {
  const {
    ticketId,
    viewerId,
    staffView,
    closed,
    replies,
    onDraftChange,
    onDraftBlur,
    indicators,
    mentionables = [],
    cannedReplies = [],
    cannedValues,
    ref
  } = props;
  const router = useRouter();
  const [text, setText] = useState("");
  const [internal, setInternal] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const attachments = useAttachments();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Replies already known when the draft was started; what arrives later is someone else's news.
  const [baseline, setBaseline] = useState<ReadonlySet<string> | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const newer = repliesWhileComposing(replies, baseline, viewerId);
  const note = staffView && internal;

  useImperativeHandle(ref, () => ({
    start: (mode) => {
      if (staffView) setInternal(mode === "note");
      textarea.current?.focus();
    }
  }));

  const insertText = (snippet: string) => {
    const el = textarea.current;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    const next = text.slice(0, at) + snippet + text.slice(end);
    change(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + snippet.length, at + snippet.length);
    });
  };

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
    const form = new FormData();
    form.set("body", parsed.data.body);
    form.set("internal", String(parsed.data.internal));
    for (const file of attachments.files) form.append("attachments", file);
    setPending(true);
    const result = await callAction(() => replyToTicketAction(ticketId, form));
    setPending(false);
    if (!result.ok) {
      const { body: bodyError, attachments: filesProblem } = result.error.fields ?? {};
      if (bodyError) {
        setFieldError(bodyError);
        textarea.current?.focus();
      } else if (filesProblem) attachments.setError(filesProblem);
      else setFormError(result.error.message);
      return;
    }
    toast.success(result.data.internal ? "Internal note added" : "Reply sent");
    change("");
    attachments.clear();
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
      <form
        noValidate
        onSubmit={submit}
        aria-label={note ? "Internal note" : "Reply"}
        className={
          note
            ? "space-y-3 rounded-md border-2 border-dashed border-amber-500 bg-amber-50 p-3 text-amber-950 dark:border-amber-600 dark:bg-amber-950/40 dark:text-amber-50"
            : "space-y-3"
        }
      >
        {staffView ? <ComposerModeToggle note={note} onChange={setInternal} /> : null}
        {note ? (
          <p className="flex items-center gap-2 text-sm font-semibold">
            <LockIcon />
            Only staff can see this
          </p>
        ) : null}
        <FormAlert message={formError} />
        <MentionTextarea
          textarea={textarea}
          id="reply-body"
          label={label}
          value={text}
          onChange={change}
          onBlur={onDraftBlur}
          candidates={staffView ? mentionables : []}
          error={fieldError}
          className={note ? "[&_textarea]:border-amber-400 [&_textarea]:bg-amber-100/60 dark:[&_textarea]:bg-amber-950" : undefined}
          hint={
            staffView
              ? note
                ? "An internal note: the customer never sees it. Type @ and a name to mention a colleague."
                : "The customer sees this reply. Type @ and a name to mention a colleague."
              : undefined
          }
        />
        <AttachmentPicker id="reply-attachments" attachments={attachments} disabled={pending} />
        <div className="flex flex-wrap items-end justify-between gap-3">
          {staffView && cannedValues ? <CannedReplyPicker replies={cannedReplies} values={cannedValues} onInsert={insertText} /> : <span />}
          <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
            {note ? <LockIcon /> : null}
            {pending ? "Sending…" : note ? "Add internal note" : "Send reply"}
          </Button>
        </div>
      </form>
    </section>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0">
      <path
        fillRule="evenodd"
        d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
