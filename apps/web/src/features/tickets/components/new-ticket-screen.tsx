import { canSeeInternalTicketData } from "@switchboard/auth";
import { listOffices, listOrgStaff } from "@switchboard/db";
import { Notice, PageHeader, Panel } from "@/components/ui/panel";
import { LocalDate } from "@/components/ui/local-date";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { loadCallSummary, type CallSummary } from "../server/load-call";
import { loadCustomerOptions } from "../server/load-customers";
import { TicketForm, type TicketFormValues } from "./ticket-form";

function fromCall(call: CallSummary): Partial<TicketFormValues> {
  const caller = call.fromName ? `${call.fromName} (${call.fromNumber})` : call.fromNumber;
  return {
    subject: `Call from ${caller}`,
    body: `Caller: ${caller}\nCalled number: ${call.toNumber}\nCall started: ${call.startedAt}\n\n`,
    callId: call.id
  };
}

export async function NewTicketScreen({ viewer, callId }: { viewer: Viewer; callId: string | null }) {
  const staffView = canSeeInternalTicketData(viewer);
  const { services, db } = getRuntime();
  const [offices, staff, customers, call] = await Promise.all([
    listOffices(services, viewer),
    staffView ? listOrgStaff(db, viewer) : Promise.resolve([]),
    loadCustomerOptions(viewer),
    staffView && callId ? loadCallSummary(viewer, callId) : Promise.resolve(null)
  ]);
  // Staff open tickets for their own office first: it is where their colleagues will look for it.
  const ownOffice = staffView ? offices.find((office) => office.memberIds.includes(viewer.id)) : undefined;
  const initial: Partial<TicketFormValues> = { ...(ownOffice ? { officeId: ownOffice.id } : {}), ...(call ? fromCall(call) : {}) };
  return (
    <>
      <PageHeader
        title="New ticket"
        description={staffView ? "Open a ticket for the helpdesk." : "Tell us what you need help with; you can follow the answers on the ticket's page."}
      />
      {callId && staffView ? (
        <div className="mb-4">
          {call ? (
            <Notice tone="info" title={`From the call with ${call.fromName ?? call.fromNumber}`}>
              <p>
                {call.fromNumber} → {call.toNumber}, started <LocalDate iso={call.startedAt} />. The ticket will be linked to this call.
              </p>
            </Notice>
          ) : (
            <Notice tone="warning" title="That call was not found" role="alert">
              The ticket will be opened without a linked call.
            </Notice>
          )}
        </div>
      ) : null}
      <Panel className="p-6">
        <TicketForm staffView={staffView} offices={offices} staff={staff} customers={customers} initial={initial} viewerId={viewer.id} />
      </Panel>
    </>
  );
}
