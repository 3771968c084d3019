"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { IssuedLink, UserView } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { sendSignInLinkAction, updateUserAction } from "../actions/user-actions";
import { LinkReveal } from "./link-reveal";
import { callAction } from "@/components/forms/call-action";

type Pending = "deactivate" | "link" | null;

/** Deactivate or reactivate, and send a new sign-in link (an invitation, or a reset that ends every session). */
export function UserAccessActions({ user, canChangeStatus, canSendLink }: { user: UserView; canChangeStatus: boolean; canSendLink: boolean }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<IssuedLink | null>(null);
  const invitation = user.status === "invited" || !user.hasPassword;
  const linkLabel = invitation ? "Send new invitation" : "Send password reset link";

  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>, done: string) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    setConfirm(null);
    if (!result.ok) setError(result.error.message);
    else {
      toast.success(done);
      router.refresh();
    }
  };

  const setStatus = (status: "active" | "deactivated") =>
    run(() => updateUserAction(user.id, { status }), status === "active" ? `${user.name} reactivated` : `${user.name} deactivated`);

  const sendLink = async () => {
    setBusy(true);
    setError(null);
    const result = await callAction(() => sendSignInLinkAction(user.id));
    setBusy(false);
    setConfirm(null);
    if (!result.ok) setError(result.error.message);
    else setLink(result.data);
  };

  if (link) return <LinkReveal id="user-link" kind={invitation ? "invitation" : "reset"} name={user.name} link={link} onDone={() => setLink(null)} />;
  return (
    <div className="space-y-3">
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        {canChangeStatus && user.status === "active" ? (
          <Button variant="danger" onClick={() => setConfirm("deactivate")} disabled={busy}>
            Deactivate
          </Button>
        ) : null}
        {canChangeStatus && user.status === "deactivated" ? (
          <Button variant="secondary" onClick={() => void setStatus("active")} disabled={busy}>
            Reactivate
          </Button>
        ) : null}
        {canSendLink ? (
          <Button variant="secondary" onClick={() => (invitation ? void sendLink() : setConfirm("link"))} disabled={busy}>
            {linkLabel}
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirm === "deactivate"}
        title={`Deactivate ${user.name}?`}
        description={<p>They are signed out everywhere at once and can no longer sign in; their API tokens stop working. Their history stays.</p>}
        confirmLabel="Deactivate"
        pending={busy}
        onConfirm={() => void setStatus("deactivated")}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === "link"}
        title={`Reset the password of ${user.name}?`}
        description={<p>Their current password stops working and they are signed out everywhere; the new link lets them choose another.</p>}
        confirmLabel="Reset password"
        pending={busy}
        onConfirm={() => void sendLink()}
        onCancel={() => setConfirm(null)}
      />
    </div>
  );
}
