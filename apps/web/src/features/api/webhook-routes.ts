import { z } from "zod";
import { RULES } from "@switchboard/auth";
import {
  dataSchemaOf,
  pageSchemaOf,
  webhookCreateSchema,
  webhookDeliveryViewSchema,
  webhookEndpointViewSchema,
  webhookUpdateSchema
} from "@switchboard/contracts";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhook
} from "@switchboard/integrations";
import { getIntegrationDeps } from "@/server/integrations";
import { defineApiRoute } from "./api-route";

const PATH = "/api/v1/webhooks";
const TAG = "Webhooks";
const item = { item: "webhook", path: `${PATH}/{id}` } as const;
const withSecret = dataSchemaOf(z.object({ webhook: webhookEndpointViewSchema, secret: z.string().describe("The signing secret: returned only here") }));
const deliveryQuery = z.strictObject({
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50)
});
const exists = async ({ viewer, id }: { viewer: Parameters<typeof getWebhook>[1]; id: string }) => void (await getWebhook(getIntegrationDeps(), viewer, id));

/** /api/v1/webhooks: outgoing webhook endpoints and their delivery logs (admins). */
export const webhookRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: PATH,
    tag: TAG,
    operationId: "listWebhooks",
    summary: "The organization's webhook endpoints",
    rule: RULES.manageWebhooks,
    success: { status: 200, description: "Every endpoint", schema: dataSchemaOf(z.array(webhookEndpointViewSchema)) },
    handle: async ({ viewer }) => ({ data: await listWebhooks(getIntegrationDeps(), viewer) })
  }),
  create: defineApiRoute({
    method: "POST",
    path: PATH,
    tag: TAG,
    operationId: "createWebhook",
    summary: "Create an endpoint; its signing secret is in this answer only",
    description: "The URL's host must resolve to an address deliveries may reach (not private, loopback, link-local or one of our own services), else 400.",
    rule: RULES.manageWebhooks,
    body: webhookCreateSchema,
    success: { status: 201, description: "The endpoint and its secret", schema: withSecret, location: (created) => `${PATH}/${created.data.webhook.id}` },
    handle: async ({ viewer, body }) => ({ data: await createWebhook(getIntegrationDeps(), viewer, body) })
  }),
  get: defineApiRoute({
    method: "GET",
    ...item,
    tag: TAG,
    operationId: "getWebhook",
    summary: "One endpoint",
    rule: RULES.manageWebhooks,
    success: { status: 200, description: "The endpoint", schema: dataSchemaOf(webhookEndpointViewSchema) },
    handle: async ({ viewer, id }) => ({ data: await getWebhook(getIntegrationDeps(), viewer, id) })
  }),
  patch: defineApiRoute({
    method: "PATCH",
    ...item,
    tag: TAG,
    operationId: "updateWebhook",
    summary: "Change an endpoint (enable it again after it was disabled for failing)",
    rule: RULES.manageWebhooks,
    beforeBody: exists,
    body: webhookUpdateSchema,
    errors: [{ status: 409, description: "`version` is not the endpoint's current version: someone changed it meanwhile" }],
    success: { status: 200, description: "The changed endpoint", schema: dataSchemaOf(webhookEndpointViewSchema) },
    handle: async ({ viewer, id, body }) => ({ data: await updateWebhook(getIntegrationDeps(), viewer, id, body) })
  }),
  remove: defineApiRoute({
    method: "DELETE",
    ...item,
    tag: TAG,
    operationId: "deleteWebhook",
    summary: "Delete an endpoint and its delivery log",
    rule: RULES.manageWebhooks,
    success: { status: 204, description: "Deleted; no body" },
    handle: async ({ viewer, id }) => void (await deleteWebhook(getIntegrationDeps(), viewer, id))
  }),
  rotate: defineApiRoute({
    method: "POST",
    ...item,
    path: `${PATH}/{id}/secret`,
    tag: TAG,
    operationId: "rotateWebhookSecret",
    summary: "A new signing secret (in this answer only); the old one stops at once",
    rule: RULES.manageWebhooks,
    success: { status: 200, description: "The endpoint and its new secret", schema: withSecret },
    handle: async ({ viewer, id }) => ({ data: await rotateWebhookSecret(getIntegrationDeps(), viewer, id) })
  }),
  test: defineApiRoute({
    method: "POST",
    ...item,
    path: `${PATH}/{id}/test`,
    tag: TAG,
    operationId: "sendWebhookTest",
    summary: "Send a test event (type webhook.test); its attempt appears in the delivery log",
    rule: RULES.manageWebhooks,
    success: { status: 202, description: "Queued", schema: z.object({ data: z.object({ queued: z.literal(true) }) }) },
    handle: async ({ viewer, id }) => ({ data: await sendWebhookTest(getIntegrationDeps(), viewer, id) })
  }),
  deliveries: defineApiRoute({
    method: "GET",
    ...item,
    path: `${PATH}/{id}/deliveries`,
    tag: TAG,
    operationId: "listWebhookDeliveries",
    summary: "The endpoint's delivery log, newest first",
    rule: RULES.manageWebhooks,
    query: deliveryQuery,
    success: { status: 200, description: "One page of attempts", schema: pageSchemaOf(webhookDeliveryViewSchema) },
    handle: ({ viewer, id, query }) => listWebhookDeliveries(getIntegrationDeps(), viewer, id, query)
  })
};
