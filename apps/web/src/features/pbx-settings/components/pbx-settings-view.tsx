"use client";

import { clsx } from "clsx";
import type { PbxIntegrationView } from "@switchboard/contracts";
import { LocalDate } from "@/components/ui/local-date";
import { Panel } from "@/components/ui/panel";
import { AmiConnectionForm } from "./ami-connection-form";
import { describeConnectionStatus, type StatusTone } from "./connection-status";
import { useLiveConnection } from "./use-live-connection";
import { WebhookIntegration } from "./webhook-integration";

const TONES: Record<StatusTone, string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  danger: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  neutral: "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200"
};

/** Admin settings for the PBX: the AMI login with its live status, and the webhook integration. */
export function PbxSettingsView({ integration, snapshotSeq }: { integration: PbxIntegrationView; snapshotSeq: number }) {
  const connection = useLiveConnection(integration.ami, snapshotSeq);
  const status = connection ? describeConnectionStatus(connection) : null;
  return (
    <Panel className="p-6">
      <section aria-labelledby="pbx-heading" className="space-y-6">
        <div>
          <h2 id="pbx-heading" className="text-base font-semibold">
            PBX integration
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Live calls and extension states come from the PBX: over the Asterisk Manager Interface (AMI), or pushed as signed webhooks.
          </p>
        </div>

        <section aria-labelledby="ami-heading" className="space-y-4">
          <h3 id="ami-heading" className="text-sm font-semibold">
            AMI connection
          </h3>
          <div className={clsx("rounded-md border p-3 text-sm", TONES[status?.tone ?? "neutral"])}>
            <p>
              <span className="font-medium">Connection status: </span>
              <span role="status" data-status={connection?.status ?? "none"}>
                {status?.label ?? "Not configured"}
              </span>
            </p>
            {status?.detail ? <p className="mt-1">{status.detail}</p> : null}
            {connection?.lastConnectedAt ? (
              <p className="mt-1 text-xs">
                Last connected <LocalDate iso={connection.lastConnectedAt} />
              </p>
            ) : null}
          </div>
          <AmiConnectionForm key={integration.ami?.id ?? "new"} connection={integration.ami} />
        </section>

        <section aria-labelledby="webhook-heading" className="space-y-4 border-t border-slate-200 pt-6 dark:border-slate-800">
          <h3 id="webhook-heading" className="text-sm font-semibold">
            Webhook integration
          </h3>
          <WebhookIntegration webhook={integration.webhook} />
        </section>
      </section>
    </Panel>
  );
}
