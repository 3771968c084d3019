"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { CANNED_PLACEHOLDERS, type CannedReplyView } from "@switchboard/contracts";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LocalDate } from "@/components/ui/local-date";
import { Panel } from "@/components/ui/panel";
import { deleteCannedReplyAction } from "./canned-reply-actions";
import { CannedReplyForm } from "./canned-reply-form";

/** The organization's canned replies in a table, with one form for a new reply or the one being edited. */
export function CannedRepliesManager({ replies }: { replies: CannedReplyView[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<CannedReplyView | null>(null);
  const [deleting, setDeleting] = useState<CannedReplyView | null>(null);
  const [pending, setPending] = useState(false);

  const remove = async () => {
    if (!deleting) return;
    setPending(true);
    const result = await callAction(() => deleteCannedReplyAction(deleting.id, deleting.version));
    setPending(false);
    if (!result.ok) toast.error(result.error.message);
    else {
      toast.success(`Canned reply ${deleting.name} deleted`);
      if (editing?.id === deleting.id) setEditing(null);
      router.refresh();
    }
    setDeleting(null);
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_28rem]">
      <Panel>
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
            <caption className="sr-only">Canned replies</caption>
            <thead className="bg-slate-50 dark:bg-slate-800/50">
              <tr className="text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
                <th scope="col" className="px-3 py-2.5">
                  Name
                </th>
                <th scope="col" className="px-3 py-2.5">
                  Text
                </th>
                <th scope="col" className="px-3 py-2.5">
                  Updated
                </th>
                <th scope="col" className="px-3 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {replies.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-3 py-10 text-center">
                    No canned replies yet. Add the answers your team types most often.
                  </td>
                </tr>
              ) : (
                replies.map((reply) => (
                  <tr key={reply.id}>
                    <th scope="row" className="px-3 py-2.5 text-left font-semibold">
                      {reply.name}
                    </th>
                    <td className="max-w-md truncate px-3 py-2.5" title={reply.body}>
                      {reply.body}
                    </td>
                    <td className="px-3 py-2.5 whitespace-nowrap">
                      <LocalDate iso={reply.updatedAt} />
                    </td>
                    <td className="px-3 py-2.5">
                      <div className="flex justify-end gap-2">
                        <Button size="sm" variant="secondary" aria-label={`Edit canned reply ${reply.name}`} onClick={() => setEditing(reply)}>
                          Edit
                        </Button>
                        <Button size="sm" variant="ghost" aria-label={`Delete canned reply ${reply.name}`} onClick={() => setDeleting(reply)}>
                          Delete
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </Panel>
      <Panel className="p-4">
        <CannedReplyForm key={editing ? `${editing.id}-${editing.version}` : "new"} editing={editing} onDone={() => setEditing(null)} />
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Placeholders: {CANNED_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.</p>
      </Panel>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete canned reply ${deleting?.name ?? ""}?`}
        description="Agents can no longer insert it. Replies already sent keep their text."
        confirmLabel="Delete"
        pending={pending}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
