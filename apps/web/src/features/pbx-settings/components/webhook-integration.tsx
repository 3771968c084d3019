"use client";

import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import type { PbxIntegrationView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { rotatePbxWebhookSecretAction } from "../actions/pbx-settings-actions";
import { callAction } from "@/components/forms/call-action";

type Webhook = NonNullable<PbxIntegrationView["webhook"]>;

/** Where a PBX pushes signed events, and its HMAC secret (created or rotated here, shown once). */
export function WebhookIntegration({ webhook }: { webhook: Webhook | null }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  const rotate = () =>
    startTransition(async () => {
      const result = await callAction(() => rotatePbxWebhookSecretAction());
      setConfirming(false);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      setRevealed(result.data.secret);
    });

  return (
    <div className="space-y-4">
      {webhook ? (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-slate-600 dark:text-slate-400">Webhook URL</dt>
          <dd className="font-mono break-all">{`${origin}${webhook.path}`}</dd>
          <dt className="font-medium text-slate-600 dark:text-slate-400">Integration id</dt>
          <dd className="font-mono">{webhook.publicId}</dd>
          <dt className="font-medium text-slate-600 dark:text-slate-400">Secret</dt>
          <dd className="font-mono">{webhook.secretHint}</dd>
        </dl>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No webhook integration yet. Create one to let a PBX push signed events.</p>
      )}
      {revealed ? (
        <SecretReveal
          id="webhook-secret"
          headingLevel={4}
          title="Your new webhook secret"
          notice="Configure it on the PBX now: it will not be shown again."
          label="New webhook secret"
          noun="secret"
          value={revealed}
          onDone={() => setRevealed(null)}
        />
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={() => (webhook ? setConfirming(true) : rotate())}>
        {webhook ? "Rotate webhook secret" : "Create webhook integration"}
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Rotate the webhook secret?"
        description={<p>The PBX's signed requests fail until it is configured with the new secret.</p>}
        confirmLabel="Rotate"
        pending={pending}
        onConfirm={rotate}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
