"use server";

import { cancelJob, exportRequestSchema, importRequestSchema, previewImport, startExport, startImport } from "@switchboard/integrations";
import { parseId, parseInput } from "@switchboard/db";
import { z } from "zod";
import { getIntegrationDeps } from "@/server/integrations";
import { runViewerAction } from "@/server/viewer-action";

// Each action re-checks the session and parses its input; the services enforce the policy.

export async function cancelJobAction(id: string) {
  return runViewerAction("/jobs", (viewer) => cancelJob(getIntegrationDeps(), viewer, parseId(id, "job")));
}

export async function startExportAction(input: unknown) {
  return runViewerAction("/jobs", (viewer) => startExport(getIntegrationDeps(), viewer, parseInput(exportRequestSchema, input)));
}

const csvOnly = z.strictObject({ csv: importRequestSchema.shape.csv });

export async function previewImportAction(input: unknown) {
  return runViewerAction("/extensions/import", (viewer) => previewImport(getIntegrationDeps(), viewer, parseInput(csvOnly, input).csv));
}

export async function startImportAction(input: unknown) {
  return runViewerAction("/jobs", (viewer) => startImport(getIntegrationDeps(), viewer, parseInput(importRequestSchema, input)));
}
