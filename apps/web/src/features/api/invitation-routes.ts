import { z } from "zod";
import { RULES } from "@switchboard/auth";
import { invitationCreateSchema, invitationViewSchema } from "@switchboard/contracts";
import { inviteUser, listInvitations, revokeInvitation } from "@switchboard/db";
import { issueLinkFor } from "@/features/users/server/issue-link";
import { defineApiRoute } from "./api-route";
import { invitationResultSchema } from "./user-routes";

const PATH = "/api/v1/invitations";
const TAG = "Invitations";

/** /api/v1/invitations: invite someone by email; they set their own password through the link. */
export const invitationRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: PATH,
    tag: TAG,
    operationId: "listInvitations",
    summary: "Pending invitations, newest first (never their links)",
    rule: RULES.readUsers,
    success: { status: 200, description: "The pending invitations", schema: z.object({ data: z.array(invitationViewSchema) }) },
    handle: async ({ runtime, viewer }) => ({ data: await listInvitations(runtime.services, viewer) })
  }),

  create: defineApiRoute({
    method: "POST",
    path: PATH,
    tag: TAG,
    operationId: "createInvitation",
    summary: "Invite someone with a role and offices",
    description:
      "Admins invite any role, supervisors agents and customers, agents customers. The one-time link (valid 7 days) is in this response only, " +
      "and mailed when the server has mail.",
    rule: RULES.readUsers,
    body: invitationCreateSchema,
    errors: [
      { status: 403, description: "your role may not give this role (`fields.role`)" },
      { status: 404, description: "an office that is not your organization's" },
      { status: 409, description: "the email is in use (`fields.email`)" }
    ],
    success: {
      status: 201,
      description: "The invited user and their link",
      schema: invitationResultSchema,
      location: ({ data }) => `/api/v1/users/${data.user.id}`
    },
    handle: async ({ runtime, viewer, body, request }) => {
      const { user, link } = await inviteUser(runtime.services, viewer, body);
      return { data: { user, link: await issueLinkFor(viewer, link, request.headers) } };
    }
  }),

  revoke: defineApiRoute({
    method: "DELETE",
    path: `${PATH}/{id}`,
    item: "invitation",
    tag: TAG,
    operationId: "revokeInvitation",
    summary: "Withdraw a pending invitation (its link stops working)",
    rule: RULES.readUsers,
    success: { status: 204, description: "Withdrawn; no body" },
    handle: async ({ runtime, viewer, id }) => void (await revokeInvitation(runtime.services, viewer, id))
  })
};
