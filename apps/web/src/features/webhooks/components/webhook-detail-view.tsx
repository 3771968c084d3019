"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import type { WebhookDeliveryView, WebhookEndpointView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LocalDate } from "@/components/ui/local-date";
import { Notice, Panel } from "@/components/ui/panel";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { deleteWebhookAction, rotateWebhookSecretAction, sendWebhookTestAction, updateWebhookAction } from "../actions/webhook-actions";
import { applyDeliveryEvents, applyWebhookEvents, WEBHOOK_TOPICS } from "../apply-webhook-events";
import { DeliveryLog } from "./delivery-log";
import { WebhookStateBadge } from "./webhooks-view";
import { callAction } from "@/components/forms/call-action";

interface Props {
  initial: WebhookEndpointView;
  deliveries: WebhookDeliveryView[];
  seq: number;
}

/** One endpoint: its state and controls, and its delivery log, all live. */
export function WebhookDetailView({ initial, deliveries: initialDeliveries, seq }: Props) {
  const router = useRouter();
  const events = useEventsSince(seq, WEBHOOK_TOPICS);
  const webhook = useMemo(() => applyWebhookEvents([initial], events)[0], [initial, events]);
  const deliveries = useMemo(() => applyDeliveryEvents(initialDeliveries, events, initial.id), [initialDeliveries, events, initial.id]);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  if (!webhook) return <Notice tone="warning" title="This webhook was deleted." role="status" />;

  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast.success(success);
      else toast.error(result.error?.message ?? "failed");
    });

  return (
    <div className="space-y-6">
      <Panel className="space-y-4 p-6">
        <div className="flex flex-wrap items-center gap-3">
          <WebhookStateBadge webhook={webhook} />
          <span className="text-sm text-slate-600 dark:text-slate-400">
            Secret {webhook.secretHint} · last delivery <LocalDate iso={webhook.lastDeliveryAt} />
          </span>
        </div>
        {webhook.disabledReason ? (
          <Notice tone="error" title="Disabled automatically" role="status">
            {webhook.disabledReason}. Fix the receiver, then enable it: it resumes from the first undelivered event.
          </Notice>
        ) : webhook.failingSince ? (
          <Notice tone="warning" title="Deliveries are failing" role="status">
            {webhook.consecutiveFailures} failed attempts since <LocalDate iso={webhook.failingSince} />; retrying with growing delays.
          </Notice>
        ) : null}
        <p className="text-sm">
          <span className="font-medium">Event types:</span> {webhook.eventTypes.length ? webhook.eventTypes.join(", ") : "all"}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => run(() => sendWebhookTestAction(webhook.id), "Test event sent; see the delivery log")}>
            Send test event
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => updateWebhookAction(webhook.id, { enabled: !webhook.enabled, version: webhook.version }),
                webhook.enabled ? "Webhook disabled" : "Webhook enabled"
              )
            }
          >
            {webhook.enabled ? "Disable" : "Enable"}
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await callAction(() => rotateWebhookSecretAction(webhook.id));
                if (result.ok) setSecret(result.data.secret);
                else toast.error(result.error.message);
              })
            }
          >
            New signing secret
          </Button>
          <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
        {secret ? (
          <SecretReveal
            id="webhook-new-secret"
            headingLevel={3}
            title="New signing secret"
            notice="Deliveries are signed with this secret from now on. It is shown only now."
            label="Signing secret"
            noun="secret"
            value={secret}
            onDone={() => setSecret(null)}
          />
        ) : null}
      </Panel>
      <Panel>
        <h2 className="px-4 pt-4 text-lg font-semibold">Delivery log</h2>
        <DeliveryLog endpointId={webhook.id} deliveries={deliveries} />
      </Panel>
      <ConfirmDialog
        open={confirming}
        title="Delete this webhook?"
        description={<p>{webhook.url} stops receiving events and its delivery log is deleted.</p>}
        confirmLabel="Delete webhook"
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          startTransition(async () => {
            const result = await callAction(() => deleteWebhookAction(webhook.id));
            setConfirming(false);
            if (!result.ok) return void toast.error(result.error.message);
            toast.success("Webhook deleted");
            router.push("/webhooks");
          })
        }
      />
    </div>
  );
}
