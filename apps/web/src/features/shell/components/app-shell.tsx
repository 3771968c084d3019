import type { ReactNode } from "react";
import {
  canManageQueues,
  canManageWebhooks,
  canReadActivity,
  canReadCalls,
  canReadExtensions,
  canReadJobs,
  canReadQueues,
  canReadTrunks,
  canReadUsers
} from "@switchboard/auth";
import { currentSeq, getOrganization } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { ActiveJobsTray } from "@/features/jobs/components/active-jobs-tray";
import { loadActiveJobs } from "@/features/jobs/server/load-jobs";
import { loadUnreadBadge } from "@/features/notifications/server/load-notifications";
import { AgentStateControl } from "@/features/queues/components/agent-state-control";
import { loadAgentPanel } from "@/features/queues/server/load-agent-panel";
import { getRuntime } from "@/server/runtime";
import { AppHeader } from "./app-header";
import { ConsoleRealtimeProvider } from "./console-realtime-provider";
import type { NavItem } from "./nav-links";
import { StaleDataFrame } from "@/features/realtime/stale-data-frame";

/** Everything behind sign-in: header, navigation and the tab's one realtime connection. */
export async function AppShell({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const { config, db } = getRuntime();
  const [seq, org, inbox, activeJobs, agentPanel] = await Promise.all([
    currentSeq(db, viewer.orgId),
    getOrganization(db, viewer.orgId),
    loadUnreadBadge(viewer),
    canReadJobs(viewer) ? loadActiveJobs(viewer) : [],
    loadAgentPanel(viewer)
  ]);
  const nav: NavItem[] = [
    { href: "/", label: "Dashboard" },
    // Everyone works tickets: staff their offices' queue, customers their own requests.
    { href: "/tickets", label: "Tickets" },
    ...(canReadCalls(viewer)
      ? [
          { href: "/calls", label: "Calls" },
          { href: "/operator", label: "Operator" }
        ]
      : []),
    ...(canReadQueues(viewer) ? [{ href: "/wallboard", label: "Wallboard" }] : []),
    ...(canManageQueues(viewer) ? [{ href: "/queues", label: "Queues" }] : []),
    ...(canReadExtensions(viewer) ? [{ href: "/extensions", label: "Extensions" }] : []),
    ...(canReadTrunks(viewer) ? [{ href: "/trunks", label: "Trunks" }] : []),
    ...(canReadUsers(viewer) ? [{ href: "/users", label: "Users" }] : []),
    ...(canReadUsers(viewer) ? [{ href: "/offices", label: "Offices" }] : []),
    ...(canReadActivity(viewer) ? [{ href: "/activity", label: "Activity" }] : []),
    ...(canReadJobs(viewer) ? [{ href: "/jobs", label: "Jobs" }] : []),
    ...(canManageWebhooks(viewer) ? [{ href: "/webhooks", label: "Webhooks" }] : []),
    { href: "/settings", label: "Settings" }
  ];
  return (
    // Start no later than the inbox badge's and queue state's snapshots (read concurrently), so both can always catch up from the tab's events.
    <ConsoleRealtimeProvider userId={viewer.id} initialSeq={Math.min(seq, inbox.seq, agentPanel?.seq ?? seq)} realtimeUrl={config.realtimePublicUrl ?? null}>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-slate-900 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <AppHeader
        user={viewer}
        orgName={org.name}
        nav={nav}
        inbox={inbox}
        queueState={agentPanel ? <AgentStateControl userId={viewer.id} {...agentPanel} /> : null}
      />
      {canReadJobs(viewer) ? <ActiveJobsTray initial={activeJobs} seq={seq} /> : null}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none sm:px-6 lg:px-8">
        <StaleDataFrame>{children}</StaleDataFrame>
      </main>
    </ConsoleRealtimeProvider>
  );
}
