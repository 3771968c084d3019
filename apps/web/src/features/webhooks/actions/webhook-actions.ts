"use server";

import { webhookCreateSchema, webhookUpdateSchema } from "@switchboard/contracts";
import { parseId, parseInput } from "@switchboard/db";
import { createWebhook, deleteWebhook, redeliverWebhookDelivery, rotateWebhookSecret, sendWebhookTest, updateWebhook } from "@switchboard/integrations";
import { getIntegrationDeps } from "@/server/integrations";
import { runViewerAction } from "@/server/viewer-action";

// Each action re-checks the session and parses its input; the services allow admins only.

export async function createWebhookAction(input: unknown) {
  return runViewerAction("/webhooks", (viewer) => createWebhook(getIntegrationDeps(), viewer, parseInput(webhookCreateSchema, input)));
}

export async function updateWebhookAction(id: string, input: unknown) {
  return runViewerAction("/webhooks", (viewer) => updateWebhook(getIntegrationDeps(), viewer, parseId(id, "webhook"), parseInput(webhookUpdateSchema, input)));
}

export async function rotateWebhookSecretAction(id: string) {
  return runViewerAction("/webhooks", (viewer) => rotateWebhookSecret(getIntegrationDeps(), viewer, parseId(id, "webhook")));
}

export async function deleteWebhookAction(id: string) {
  return runViewerAction("/webhooks", (viewer) => deleteWebhook(getIntegrationDeps(), viewer, parseId(id, "webhook")));
}

export async function sendWebhookTestAction(id: string) {
  return runViewerAction("/webhooks", (viewer) => sendWebhookTest(getIntegrationDeps(), viewer, parseId(id, "webhook")));
}

export async function redeliverWebhookAction(id: string, deliveryId: string) {
  return runViewerAction("/webhooks", (viewer) =>
    redeliverWebhookDelivery(getIntegrationDeps(), viewer, parseId(id, "webhook"), parseId(deliveryId, "webhook"))
  );
}
