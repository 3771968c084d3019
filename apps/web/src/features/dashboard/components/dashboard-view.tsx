import Link from "next/link";
import { canReadCalls, canReadExtensions, canReadTrunks, canReadUsers, canSeePresence } from "@switchboard/auth";
import { PageHeader, Panel } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { PresencePanel } from "@/features/realtime/presence-panel";
import { loadCallFigures } from "../server/load-call-figures";
import { loadDashboardCounts } from "../server/load-dashboard";
import { loadTicketFigures } from "../server/load-ticket-figures";
import { CallFigures } from "./call-figures";
import { DashboardCounts } from "./dashboard-counts";
import { TicketFigures } from "./ticket-figures";

export async function DashboardView({ viewer }: { viewer: Viewer }) {
  const firstName = viewer.name.split(" ")[0] ?? viewer.name;
  if (!canReadExtensions(viewer)) {
    return (
      <>
        <PageHeader title="Dashboard" description={`Welcome, ${firstName}.`} />
        <Panel className="p-6">
          <h2 className="text-base font-semibold">Your account</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            You are signed in as {viewer.email}. Phone system configuration is managed by your provider&apos;s staff; ask them through a ticket.
          </p>
          <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <Link href="/tickets" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
              Your tickets
            </Link>
            <Link href="/tickets/new" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
              Ask for help
            </Link>
            <Link href="/settings" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
              View your profile
            </Link>
          </p>
        </Panel>
      </>
    );
  }
  const [snapshot, calls, tickets] = await Promise.all([
    loadDashboardCounts(viewer),
    canReadCalls(viewer) ? loadCallFigures(viewer) : null,
    loadTicketFigures(viewer)
  ]);
  const canOpen = { extensions: true, enabledExtensions: true, trunks: canReadTrunks(viewer), users: canReadUsers(viewer) };
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${firstName}. Counts and presence update live.`} />
      <div className="space-y-6">
        {calls ? <CallFigures initial={calls} /> : null}
        <TicketFigures initial={tickets} />
        <DashboardCounts initial={snapshot} canOpen={canOpen} />
        {canSeePresence(viewer) ? <PresencePanel currentUserId={viewer.id} /> : null}
      </div>
    </>
  );
}
