import Link from "next/link";
import { canExportData, canManageCannedReplies, canSeeInternalTicketData } from "@switchboard/auth";
import { ExportButton } from "@/features/jobs/components/export-button";
import { ButtonLink } from "@/components/ui/button";
import { Notice, PageHeader } from "@/components/ui/panel";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { loadTicketsPage } from "../server/load-tickets";
import type { TicketListParams } from "../ticket-list-params";
import { TicketsView } from "./tickets-view";

export async function TicketsScreen({ viewer, params }: { viewer: Viewer; params: TicketListParams }) {
  const staffView = canSeeInternalTicketData(viewer);
  const data = await loadTicketsPage(viewer, params);
  return (
    <>
      <PageHeader
        title="Tickets"
        description={
          staffView
            ? "Helpdesk tickets of your offices and those assigned to you. New tickets and changes appear here live."
            : "Your support requests. Answers and status changes appear here live."
        }
        actions={
          <>
            {canExportData(viewer) ? <ExportButton kind="tickets" /> : null}
            {canManageCannedReplies(viewer) ? (
              <ButtonLink href="/tickets/canned-replies" variant="secondary">
                Canned replies
              </ButtonLink>
            ) : null}
            <ButtonLink href="/tickets/new">New ticket</ButtonLink>
          </>
        }
      />
      {data.ok ? (
        <TicketsView
          viewerId={viewer.id}
          staffView={staffView}
          params={params}
          rows={data.page.data}
          unreadIds={data.unreadIds}
          total={data.page.total}
          seq={data.seq}
          offices={data.offices}
          staff={data.staff}
          viewCounts={data.viewCounts}
        />
      ) : (
        <Notice tone="error" title="These filters cannot be applied" role="alert">
          <p>{data.message}</p>
          <p className="mt-2">
            <Link href="/tickets" className="font-medium underline">
              Show all tickets
            </Link>
          </p>
        </Notice>
      )}
    </>
  );
}
