import { describeChange, describeUpdate, type EventDescribers } from "@/features/realtime/describe-event";
import type { FieldWordings } from "@/features/realtime/describe-field-changes";
import type { EventFamily } from "@/features/realtime/event-types";

const OFFICE_WORDINGS: FieldWordings = {
  name: { kind: "name" },
  memberIds: { kind: "list", label: "members" }
};

/** "Ada Admin created office Billing", "Ada Admin renamed office Billing to Invoices". */
export const officeDescribers = {
  "office.created": (event) => describeChange(event, `office ${event.data.name}`),
  "office.updated": (event) => describeUpdate(event, `office ${String(event.data.changes?.name?.from ?? event.data.name)}`, OFFICE_WORDINGS),
  "office.deleted": (event) => describeChange(event, `office ${event.data.label}`)
} satisfies EventDescribers<EventFamily<"office">>;
