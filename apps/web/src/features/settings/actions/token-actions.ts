"use server";

import { apiTokenCreateSchema, createApiToken, parseId, parseInput, revokeApiToken } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

/** Creates an API token for the signed-in user; the plain token is in this response only. */
export async function createApiTokenAction(input: unknown) {
  return runViewerAction("/settings", async (viewer) => {
    const { token, view } = await createApiToken(getRuntime().db, viewer, parseInput(apiTokenCreateSchema, input));
    return { token, name: view.name };
  });
}

export async function revokeApiTokenAction(id: string) {
  return runViewerAction("/settings", (viewer) => revokeApiToken(getRuntime().db, viewer, parseId(id, "API token")));
}
