import { z } from "zod";
import { RULES } from "@switchboard/auth";
import { customerCreateSchema, dataSchemaOf, issuedLinkSchema, pageSchemaOf, userUpdateSchema, userViewSchema } from "@switchboard/contracts";
import { createCustomer, endSessions, getUser, issueSignInLink, listUsers, updateUser, userListQuerySchema } from "@switchboard/db";
import { issueLinkFor } from "@/features/users/server/issue-link";
import { defineApiRoute } from "./api-route";

const USERS_PATH = "/api/v1/users";
const TAG = "Users";
const one = dataSchemaOf(userViewSchema);
const item = { item: "user", path: `${USERS_PATH}/{id}`, tag: TAG } as const;
const manages = { status: 403, description: "your role may not change this user, or not this way (the field is named in `fields`)" } as const;

/** /api/v1/users: the team. The services decide who may see and change whom (RULES, USER_DENIALS). */
export const userRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: USERS_PATH,
    tag: TAG,
    operationId: "listUsers",
    summary: "The team: search, filter by role and state, sort, page (staff)",
    rule: RULES.readUsers,
    query: userListQuerySchema,
    success: { status: 200, description: "One page of users", schema: pageSchemaOf(userViewSchema) },
    handle: ({ runtime, viewer, query }) => listUsers(runtime.services, viewer, query)
  }),

  create: defineApiRoute({
    method: "POST",
    path: USERS_PATH,
    tag: TAG,
    operationId: "createCustomer",
    summary: "Add a customer account without sign-in (staff)",
    description:
      "Invite people who should sign in with POST /api/v1/invitations; send a customer an invitation later with POST /api/v1/users/{id}/sign-in-link.",
    rule: RULES.createCustomers,
    body: customerCreateSchema,
    errors: [{ status: 409, description: "the email is in use (`fields.email`)" }],
    success: { status: 201, description: "The new customer", schema: one, location: ({ data }) => `${USERS_PATH}/${data.id}` },
    handle: async ({ runtime, viewer, body }) => ({ data: await createCustomer(runtime.services, viewer, body) })
  }),

  get: defineApiRoute({
    method: "GET",
    ...item,
    operationId: "getUser",
    summary: "One user (staff; anyone may read themselves)",
    success: { status: 200, description: "The user", schema: one },
    handle: async ({ runtime, viewer, id }) => ({ data: await getUser(runtime.services, viewer, id) })
  }),

  update: defineApiRoute({
    method: "PATCH",
    ...item,
    operationId: "updateUser",
    summary: "Change a user's name, role, offices or state",
    description:
      "Admins change anyone, supervisors agents and customers; nobody changes their own role or state, and the last active admin stays one. " +
      "Deactivating ends every session and revokes the user's API tokens. Send `version` to refuse a stale save. " +
      "Every open console of the user follows the change within a second.",
    rule: RULES.manageUsers,
    beforeBody: async ({ runtime, viewer, id }) => void (await getUser(runtime.services, viewer, id)),
    body: userUpdateSchema,
    errors: [
      manages,
      { status: 404, description: "no such user, or an office not of your organization" },
      { status: 409, description: "the last active admin (`fields.role` or `fields.status`), or a stale `version`" }
    ],
    success: { status: 200, description: "The changed user", schema: one },
    handle: async ({ runtime, viewer, id, body }) => ({ data: await updateUser(runtime.services, viewer, id, body) })
  }),

  signInLink: defineApiRoute({
    method: "POST",
    path: `${USERS_PATH}/{id}/sign-in-link`,
    item: "user",
    tag: TAG,
    operationId: "sendSignInLink",
    summary: "A one-time sign-in link: a new invitation, or a password reset",
    description:
      "For someone who never set a password (invited, or a customer account) it is an invitation; otherwise a password reset, which ends every session " +
      "of the user and their current password at once. The link is in this response only (and mailed when the server has mail).",
    rule: RULES.readUsers,
    errors: [manages, { status: 400, description: "the user is deactivated" }],
    success: { status: 201, description: "The link", schema: dataSchemaOf(issuedLinkSchema) },
    handle: async ({ runtime, viewer, id, request }) => ({
      data: await issueLinkFor(viewer, await issueSignInLink(runtime.services, viewer, id), request.headers)
    })
  }),

  endSessions: defineApiRoute({
    method: "POST",
    path: `${USERS_PATH}/{id}/sign-out`,
    item: "user",
    tag: TAG,
    operationId: "signOutEverywhere",
    summary: "End every session of a user (yourself, or someone you manage)",
    description: "Their open consoles disconnect within a second; API tokens keep working.",
    errors: [manages],
    success: { status: 204, description: "Signed out; no body" },
    handle: async ({ runtime, viewer, id }) => void (await endSessions(runtime.db, viewer, id))
  })
};

export const invitationResultSchema = dataSchemaOf(z.object({ user: userViewSchema, link: issuedLinkSchema }));
