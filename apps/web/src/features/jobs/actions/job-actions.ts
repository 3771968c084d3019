"use server";

import { headers } from "next/headers";
import {
  cancelJob,
  exportRequestSchema,
  importPreviewRequestSchema,
  importRequestSchema,
  previewImport,
  startExport,
  startImport
} from "@switchboard/integrations";
import { parseId, parseInput } from "@switchboard/db";
import { linkBase } from "@/features/users/server/deliver-link";
import { getIntegrationDeps } from "@/server/integrations";
import { runViewerAction } from "@/server/viewer-action";

// Each action re-checks the session and parses its input; the services enforce the policy.

export async function cancelJobAction(id: string) {
  return runViewerAction("/jobs", (viewer) => cancelJob(getIntegrationDeps(), viewer, parseId(id, "job")));
}

export async function startExportAction(input: unknown) {
  return runViewerAction("/jobs", (viewer) => startExport(getIntegrationDeps(), viewer, parseInput(exportRequestSchema, input)));
}

export async function previewImportAction(input: unknown) {
  return runViewerAction("/jobs", (viewer) => previewImport(getIntegrationDeps(), viewer, parseInput(importPreviewRequestSchema, input)));
}

export async function startImportAction(input: unknown) {
  return runViewerAction("/jobs", async (viewer) =>
    startImport(getIntegrationDeps(), viewer, parseInput(importRequestSchema, input), { linkBase: linkBase(await headers()) })
  );
}
