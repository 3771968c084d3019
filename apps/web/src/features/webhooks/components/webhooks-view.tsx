"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { WebhookEndpointView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { LocalDate } from "@/components/ui/local-date";
import { Badge, Panel } from "@/components/ui/panel";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { applyWebhookEvents, WEBHOOK_TOPICS } from "../apply-webhook-events";
import { WebhookForm } from "./webhook-form";

export function WebhookStateBadge({ webhook }: { webhook: WebhookEndpointView }) {
  if (!webhook.enabled) return <Badge tone={webhook.disabledReason ? "danger" : "neutral"}>{webhook.disabledReason ? "Disabled (failing)" : "Disabled"}</Badge>;
  if (webhook.failingSince) return <Badge tone="warning">Failing, retrying</Badge>;
  return <Badge tone="success">Enabled</Badge>;
}

/** The organization's endpoints, live, and the form that adds one (its secret shown once). */
export function WebhooksView({ initial, seq }: { initial: WebhookEndpointView[]; seq: number }) {
  const events = useEventsSince(seq, WEBHOOK_TOPICS);
  const webhooks = useMemo(() => applyWebhookEvents(initial, events), [initial, events]);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  return (
    <div className="space-y-6">
      <Panel>
        <PlainTable caption="Webhooks" headers={["URL", "Events", "State", "Last delivery"]} empty={webhooks.length === 0 ? "No webhooks yet." : null}>
          {webhooks.map((w) => (
            <tr key={w.id}>
              <td className="px-3 py-2">
                <Link href={`/webhooks/${w.id}`} className="font-medium break-all text-brand-700 hover:underline dark:text-brand-300">
                  {w.url}
                </Link>
                {w.description ? <p className="text-xs text-slate-600 dark:text-slate-400">{w.description}</p> : null}
              </td>
              <td className="px-3 py-2 text-xs">{w.eventTypes.length ? w.eventTypes.join(", ") : "All event types"}</td>
              <td className="px-3 py-2">
                <WebhookStateBadge webhook={w} />
              </td>
              <td className="px-3 py-2">
                <LocalDate iso={w.lastDeliveryAt} />
              </td>
            </tr>
          ))}
        </PlainTable>
      </Panel>
      <Panel className="p-6">
        <h2 className="mb-4 text-lg font-semibold">Add a webhook</h2>
        {created ? (
          <SecretReveal
            id="webhook-secret"
            headingLevel={3}
            title="Webhook created"
            notice={`Deliveries to ${created.url} are signed with this secret. It is shown only now: store it where your receiver checks signatures.`}
            label="Signing secret"
            noun="secret"
            value={created.secret}
            onDone={() => setCreated(null)}
          />
        ) : (
          <WebhookForm onCreated={(secret, url) => setCreated({ secret, url })} />
        )}
      </Panel>
    </div>
  );
}
