import type { z } from "zod";
import * as contracts from "@switchboard/contracts";
import { callControlResultSchema } from "@/features/call-control/server/call-control-routes";
import { transferBodySchema } from "@/features/call-control/server/control-call";
import { callDetailSchema } from "../call-routes";
import { extensionReplaceSchema } from "../extension-routes";
import { ticketItemSchema } from "../ticket-routes";
import { trunkReplaceSchema } from "../trunk-routes";
import { activityEntrySchema } from "../activity-routes";

/**
 * Names for the schemas the API document lists once under components and refers to from every
 * operation. A schema not named here is still documented, inline (or under its operation's name).
 */
export const NAMED_INPUTS: [z.ZodType, string][] = [
  [contracts.extensionCreateSchema, "ExtensionCreate"],
  [contracts.extensionUpdateSchema, "ExtensionUpdate"],
  [extensionReplaceSchema, "ExtensionReplace"],
  [contracts.trunkCreateSchema, "TrunkCreate"],
  [contracts.trunkUpdateSchema, "TrunkUpdate"],
  [trunkReplaceSchema, "TrunkReplace"],
  [contracts.ticketCreateSchema, "TicketCreate"],
  [contracts.ticketChangeSchema, "TicketChange"],
  [contracts.replyCreateSchema, "ReplyCreate"],
  [transferBodySchema, "CallTransfer"],
  [contracts.invitationCreateSchema, "InvitationCreate"],
  [contracts.customerCreateSchema, "CustomerCreate"],
  [contracts.userUpdateSchema, "UserUpdate"],
  [contracts.officeCreateSchema, "OfficeCreate"],
  [contracts.officeUpdateSchema, "OfficeUpdate"],
  [contracts.officeMembersSchema, "OfficeMembers"]
];

export const NAMED_OUTPUTS: [z.ZodType, string][] = [
  [contracts.apiErrorBodySchema, "Error"],
  [contracts.extensionViewSchema, "Extension"],
  [contracts.trunkViewSchema, "Trunk"],
  [contracts.ticketViewSchema, "Ticket"],
  [contracts.staffTicketViewSchema, "StaffTicket"],
  [contracts.customerTicketViewSchema, "CustomerTicket"],
  [contracts.ticketActivityViewSchema, "TicketActivity"],
  [contracts.ticketReplyViewSchema, "TicketReply"],
  [contracts.callViewSchema, "Call"],
  [contracts.callTimelineEntrySchema, "CallTimelineEntry"],
  [ticketItemSchema, "TicketItem"],
  [callDetailSchema, "CallDetail"],
  [callControlResultSchema, "CallControlResult"],
  [contracts.userViewSchema, "User"],
  [contracts.invitationViewSchema, "Invitation"],
  [contracts.issuedLinkSchema, "SignInLink"],
  [contracts.officeRecordSchema, "Office"],
  [activityEntrySchema, "ActivityEntry"]
];
