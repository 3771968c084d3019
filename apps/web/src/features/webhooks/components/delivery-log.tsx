"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { WebhookDeliveryView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Badge } from "@/components/ui/panel";
import { redeliverWebhookAction } from "../actions/webhook-actions";
import { callAction } from "@/components/forms/call-action";

/** Every attempt, newest first: time, event, answer, latency, attempt, the answer's first bytes. */
export function DeliveryLog({ endpointId, deliveries }: { endpointId: string; deliveries: WebhookDeliveryView[] }) {
  const [pending, startTransition] = useTransition();
  const redeliver = (d: WebhookDeliveryView) =>
    startTransition(async () => {
      const result = await callAction(() => redeliverWebhookAction(endpointId, d.id));
      if (result.ok) toast.success(`Redelivering ${d.eventType}`);
      else toast.error(result.error.message);
    });
  return (
    <PlainTable
      caption="Delivery log"
      headers={["Time", "Event", "Status", "Latency", "Attempt", "Response"]}
      actions
      empty={deliveries.length === 0 ? "No deliveries yet." : null}
    >
      {deliveries.map((d) => (
        <tr key={d.id}>
          <td className="px-3 py-2 whitespace-nowrap">
            <LocalDate iso={d.createdAt} />
          </td>
          <td className="px-3 py-2">
            <span className="font-mono text-xs">{d.eventType}</span>
            {d.eventSeq !== null ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">#{d.eventSeq}</span> : null}
            {d.kind !== "event" ? (
              <span className="ml-2">
                <Badge tone="info">{d.kind}</Badge>
              </span>
            ) : null}
          </td>
          <td className="px-3 py-2">
            <Badge tone={d.ok ? "success" : "danger"}>{d.statusCode ?? "no answer"}</Badge>
          </td>
          <td className="px-3 py-2 tabular-nums">{d.latencyMs} ms</td>
          <td className="px-3 py-2 tabular-nums">{d.attempt}</td>
          <td className="max-w-xs px-3 py-2">
            <code className="line-clamp-2 text-xs break-all">{d.responseExcerpt || "—"}</code>
          </td>
          <td className="px-3 py-2 text-right">
            {d.kind !== "test" ? (
              <Button
                variant="secondary"
                size="sm"
                disabled={pending}
                onClick={() => redeliver(d)}
                aria-label={`Redeliver ${d.eventType} #${d.eventSeq ?? ""}`}
              >
                Redeliver
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </PlainTable>
  );
}
