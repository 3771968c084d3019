import { clsx } from "clsx";
import { attachmentPath, isPreviewableImage, type AttachmentView, type TicketReplyView } from "@switchboard/contracts";
import { Badge } from "@/components/ui/panel";
import { LocalDate } from "@/components/ui/local-date";
import { formatSize } from "@/lib/format-size";

/** Each file as a download link named by the file, with its type and size. */
function AttachmentList({ attachments }: { attachments: readonly AttachmentView[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-3 flex flex-wrap gap-2 text-xs">
      {attachments.map((a) => (
        <li key={a.id} className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600">
          {isPreviewableImage(a.type) ? (
            // next/image would fetch it through the optimizer, without the viewer's session: the
            // file is read as the viewer, and served inline only for raster image types.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={attachmentPath(a.id, "inline")} alt={`Preview of ${a.name}`} loading="lazy" className="mb-1 max-h-32 max-w-48 rounded object-contain" />
          ) : null}
          <a href={attachmentPath(a.id)} download={a.name} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            {a.name}
          </a>{" "}
          · {a.type} · {formatSize(a.size)}
        </li>
      ))}
    </ul>
  );
}

function ReplyItem({ reply }: { reply: TicketReplyView }) {
  const label = reply.internal ? `Internal note by ${reply.authorName}` : `Reply by ${reply.authorName}`;
  return (
    <li>
      <article
        aria-label={label}
        data-internal={reply.internal || undefined}
        className={clsx(
          "rounded-lg border p-4",
          reply.internal
            ? "border-dashed border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40"
            : reply.authorIsStaff
              ? "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
              : "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/40"
        )}
      >
        <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold">{reply.authorName}</span>
          {reply.internal ? (
            <Badge tone="warning">Internal note — staff only</Badge>
          ) : reply.authorIsStaff ? (
            <Badge>Staff</Badge>
          ) : (
            <Badge tone="info">Customer</Badge>
          )}
          <span className="text-slate-600 dark:text-slate-400">
            <LocalDate iso={reply.createdAt} />
          </span>
        </header>
        <p className="text-sm whitespace-pre-wrap">{reply.body}</p>
        <AttachmentList attachments={reply.attachments} />
      </article>
    </li>
  );
}

/** The ticket's description followed by every reply the viewer may see, oldest first. */
export function TicketConversation({
  body,
  customerName,
  createdAt,
  attachments,
  replies
}: {
  body: string;
  customerName: string;
  createdAt: string;
  /** The files sent with the description. */
  attachments: readonly AttachmentView[];
  replies: TicketReplyView[];
}) {
  return (
    <section aria-labelledby="conversation-heading">
      <h2 id="conversation-heading" className="mb-3 text-lg font-semibold">
        Conversation
      </h2>
      <ol className="space-y-3" aria-label="Replies">
        <li>
          <article aria-label={`Request by ${customerName}`} className="rounded-lg border border-sky-200 bg-sky-50 p-4 dark:border-sky-900 dark:bg-sky-950/40">
            <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold">{customerName}</span>
              <Badge tone="info">Request</Badge>
              <span className="text-slate-600 dark:text-slate-400">
                <LocalDate iso={createdAt} />
              </span>
            </header>
            <p className="text-sm whitespace-pre-wrap">{body}</p>
            <AttachmentList attachments={attachments} />
          </article>
        </li>
        {replies.map((reply) => (
          <ReplyItem key={reply.id} reply={reply} />
        ))}
      </ol>
    </section>
  );
}
