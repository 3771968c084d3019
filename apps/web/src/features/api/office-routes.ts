import { z } from "zod";
import { RULES, type SessionUser } from "@switchboard/auth";
import { dataSchemaOf, officeCreateSchema, officeMembersSchema, officeRecordSchema, officeUpdateSchema } from "@switchboard/contracts";
import { createOffice, deleteOffice, getOffice, listOfficeRecords, renameOffice, setOfficeMembers } from "@switchboard/db";
import type { WebRuntime } from "@/server/runtime";
import { defineApiRoute } from "./api-route";
import { expectedVersion } from "./if-match";

const PATH = "/api/v1/offices";
const TAG = "Offices";
const one = dataSchemaOf(officeRecordSchema);
const item = { item: "office", path: `${PATH}/{id}`, tag: TAG } as const;
/** 404 for an office the caller's organization lacks, before a body is read. */
/** The office's ETag is its version; a change may name it in If-Match (or the body's `version`). */
const versioned = { ifMatch: true, etag: ({ data }: { data: { version: number } }) => data.version } as const;
const exists = async ({ runtime, viewer, id }: { runtime: WebRuntime; viewer: SessionUser; id: string }) =>
  void (await getOffice(runtime.services, viewer, id));

/** /api/v1/offices: helpdesk departments; members are shown to staff, changes are for admins. */
export const officeRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: PATH,
    tag: TAG,
    operationId: "listOffices",
    summary: "The offices by name, with how many tickets each holds (members for staff)",
    success: { status: 200, description: "Every office", schema: z.object({ data: z.array(officeRecordSchema.extend({ ticketCount: z.number().int() })) }) },
    handle: async ({ runtime, viewer }) => ({ data: await listOfficeRecords(runtime.services, viewer) })
  }),

  create: defineApiRoute({
    method: "POST",
    path: PATH,
    tag: TAG,
    operationId: "createOffice",
    summary: "Create an office (admins)",
    rule: RULES.manageOffices,
    body: officeCreateSchema,
    errors: [{ status: 409, description: "the name is taken (`fields.name`)" }],
    success: { status: 201, description: "The new office", schema: one, location: ({ data }) => `${PATH}/${data.id}` },
    handle: async ({ runtime, viewer, body }) => ({ data: await createOffice(runtime.services, viewer, body) })
  }),

  get: defineApiRoute({
    method: "GET",
    ...item,
    operationId: "getOffice",
    summary: "One office",
    success: { status: 200, description: "The office", schema: one },
    etag: versioned.etag,
    handle: async ({ runtime, viewer, id }) => ({ data: await getOffice(runtime.services, viewer, id) })
  }),

  update: defineApiRoute({
    method: "PATCH",
    ...item,
    operationId: "renameOffice",
    summary: "Rename an office (admins); send `version` to refuse a stale save",
    rule: RULES.manageOffices,
    beforeBody: exists,
    body: officeUpdateSchema,
    ...versioned,
    errors: [{ status: 409, description: "the name is taken (`fields.name`) or the office changed since `version` / If-Match" }],
    success: { status: 200, description: "The renamed office", schema: one },
    handle: async ({ runtime, viewer, id, body, ifMatch }) => ({
      data: await renameOffice(runtime.services, viewer, id, { ...body, version: expectedVersion(ifMatch, body.version) })
    })
  }),

  members: defineApiRoute({
    method: "PUT",
    path: `${PATH}/{id}/members`,
    item: "office",
    tag: TAG,
    operationId: "setOfficeMembers",
    summary: "Replace an office's members (admins; staff of your organization only)",
    description: "Members who join or leave see the office's tickets start or stop on their open consoles within a second.",
    rule: RULES.manageOffices,
    beforeBody: exists,
    body: officeMembersSchema,
    ...versioned,
    errors: [{ status: 409, description: "the office changed since `version` / If-Match" }],
    success: { status: 200, description: "The office with its new members", schema: one },
    handle: async ({ runtime, viewer, id, body, ifMatch }) => ({
      data: await setOfficeMembers(runtime.services, viewer, id, { ...body, version: expectedVersion(ifMatch, body.version) })
    })
  }),

  remove: defineApiRoute({
    method: "DELETE",
    ...item,
    operationId: "deleteOffice",
    summary: "Delete an office nothing belongs to (admins)",
    rule: RULES.manageOffices,
    errors: [{ status: 409, description: "tickets or members still belong to it; the message says how many" }],
    success: { status: 204, description: "Deleted; no body" },
    handle: async ({ runtime, viewer, id }) => void (await deleteOffice(runtime.services, viewer, id))
  })
};
