import { z } from "zod";
import { RULES } from "@switchboard/auth";
import { callTimelineEntrySchema, callViewSchema, dataSchemaOf, pageSchemaOf } from "@switchboard/contracts";
import { callListQuerySchema, getCall, listCalls } from "@switchboard/db";
import { defineApiRoute } from "./api-route";

const TAG = "Calls";

export const callDetailSchema = callViewSchema.extend({
  timeline: z.array(callTimelineEntrySchema),
  extensions: z.array(z.object({ id: z.string(), number: z.string(), displayName: z.string(), enabled: z.boolean() })),
  trunk: z.object({ id: z.string(), name: z.string() }).nullable()
});

/**
 * /api/v1/calls (read-only; the PBX ingestion writes calls). The services decide: staff only, the
 * caller's organization only.
 */
export const callRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: "/api/v1/calls",
    tag: TAG,
    operationId: "listCalls",
    summary: "Calls, newest first, filtered and paged",
    rule: RULES.readCalls,
    query: callListQuerySchema,
    success: { status: 200, description: "One page of calls", schema: pageSchemaOf(callViewSchema) },
    handle: ({ runtime, viewer, query }) => listCalls(runtime.services, viewer, query)
  }),

  get: defineApiRoute({
    method: "GET",
    path: "/api/v1/calls/{id}",
    item: "call",
    tag: TAG,
    operationId: "getCall",
    summary: "One call with its timeline, the extensions and the trunk it names",
    rule: RULES.readCalls,
    success: { status: 200, description: "The call", schema: dataSchemaOf(callDetailSchema) },
    handle: async ({ runtime, viewer, id }) => {
      const detail = await getCall(runtime.services, viewer, id);
      return { data: { ...detail.call, timeline: detail.timeline, extensions: detail.extensions, trunk: detail.trunk } };
    }
  })
};
