"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import type { PbxIntegrationView } from "@switchboard/pbx/integrations/pbx-integration-settings";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { controlClasses } from "@/components/ui/field";
import { rotatePbxWebhookSecretAction } from "../actions/pbx-settings-actions";

type Webhook = NonNullable<PbxIntegrationView["webhook"]>;

function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      toast.success("Secret copied to the clipboard");
    } catch {
      toast.error("Copying failed: select the secret and copy it yourself");
    }
  };
  return (
    <section
      aria-labelledby="webhook-secret-heading"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <h4 id="webhook-secret-heading" ref={headingRef} tabIndex={-1} className="font-semibold focus:outline-none">
        Your new webhook secret
      </h4>
      <p className="mt-1 text-sm" role="alert">
        Configure it on the PBX now: it will not be shown again.
      </p>
      <label htmlFor="webhook-secret-value" className="mt-3 mb-1 block text-sm font-medium">
        New webhook secret
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="webhook-secret-value"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className={`${controlClasses} min-w-64 flex-1 font-mono`}
        />
        <Button variant="secondary" onClick={copy}>
          Copy secret
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}

/** Where a PBX pushes signed events, and its HMAC secret (created or rotated here, shown once). */
export function WebhookIntegration({ webhook }: { webhook: Webhook | null }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  const rotate = () =>
    startTransition(async () => {
      const result = await rotatePbxWebhookSecretAction();
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
      {revealed ? <SecretReveal secret={revealed} onDone={() => setRevealed(null)} /> : null}
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
