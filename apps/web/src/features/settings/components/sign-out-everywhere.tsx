"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { signOutEverywhereAction } from "../actions/account-actions";
import { callAction } from "@/components/forms/call-action";

/** Ends every session of yours, on every device; every open console of yours disconnects within a second. */
export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    const result = await callAction(() => signOutEverywhereAction());
    if (!result.ok) {
      setBusy(false);
      setOpen(false);
      return setError(result.error.message);
    }
    await signOut({ redirect: false }).catch(() => undefined);
    // A full page load on purpose: it drops the socket and every cached page of the signed-out user.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login?error=SignedOut");
  };
  return (
    <div className="space-y-2">
      <FormAlert message={error} />
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={open}
        title="Sign out everywhere?"
        description={<p>Every session of yours ends, on every device and browser, this one too. API tokens keep working; revoke them below if needed.</p>}
        confirmLabel="Sign out everywhere"
        pending={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
