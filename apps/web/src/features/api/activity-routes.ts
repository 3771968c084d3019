import { z } from "zod";
import { RULES } from "@switchboard/auth";
import {
  activityFilterSchema,
  activityKindOf,
  activityKindSchema,
  activityQuerySchema,
  actorSchema,
  envelopeSchema,
  pageSchemaOf,
  type DomainEvent
} from "@switchboard/contracts";
import { listActivity } from "@switchboard/db";
import { describeActivity } from "@/features/activity/describe-activity";
import { activityCsv } from "@/features/activity/activity-csv";
import { defineApiRoute } from "./api-route";

const TAG = "Activity";

/** One entry of the activity log: the event as committed, its kind and a sentence saying what happened. */
export const activityEntrySchema = envelopeSchema.extend({ actor: actorSchema, kind: activityKindSchema, summary: z.string() });

function entryOf(event: DomainEvent) {
  return { ...event, actor: event.actor ?? { id: "", name: "" }, kind: activityKindOf(event.type) ?? "user", summary: describeActivity(event) };
}

const EXPORT_PAGE = 500;
/** A bound on one export; narrow the dates for more. */
const EXPORT_LIMIT = 50_000;

/** /api/v1/activity: who did what in the organization (admins), as JSON pages or one CSV file. */
export const activityRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: "/api/v1/activity",
    tag: TAG,
    operationId: "listActivity",
    summary: "The activity log, newest first: filter by person, kind and dates (the organization's days)",
    rule: RULES.readActivity,
    query: activityQuerySchema,
    success: { status: 200, description: "One page of the log", schema: pageSchemaOf(activityEntrySchema) },
    handle: async ({ runtime, viewer, query }) => {
      const page = await listActivity(runtime.services, viewer, query);
      return { ...page, data: page.data.map(entryOf) };
    }
  }),

  export: defineApiRoute({
    method: "GET",
    path: "/api/v1/activity/export",
    tag: TAG,
    operationId: "exportActivity",
    summary: "The activity log as CSV (the same filters, every matching entry)",
    description: `Columns: time (UTC, ISO 8601), person, kind, what, subject, subject id. At most ${EXPORT_LIMIT} rows per file.`,
    rule: RULES.readActivity,
    // The log's filters, without paging: every matching entry, newest first.
    query: activityFilterSchema,
    success: { status: 200, description: "text/csv; charset=utf-8, as an attachment" },
    handle: async ({ runtime, viewer, query }) => {
      const events: DomainEvent[] = [];
      for (let page = 1; events.length < EXPORT_LIMIT; page++) {
        const { data } = await listActivity(runtime.services, viewer, { ...query, page, pageSize: EXPORT_PAGE });
        events.push(...data);
        if (data.length < EXPORT_PAGE) break;
      }
      return new Response(activityCsv(events.slice(0, EXPORT_LIMIT)), {
        status: 200,
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="activity-${new Date().toISOString().slice(0, 10)}.csv"`,
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff"
        }
      });
    }
  })
};
