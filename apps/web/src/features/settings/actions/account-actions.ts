"use server";

import { organizationUpdateSchema, passwordChangeSchema, profileUpdateSchema } from "@switchboard/contracts";
import { changePassword, parseInput, signOutEverywhere, updateOrganization, updateProfile } from "@switchboard/db";
import { reissueSessionCookie } from "@/features/auth/server/session-cookie";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

export async function updateProfileAction(input: unknown) {
  return runViewerAction("/settings", (viewer) => updateProfile(getRuntime().services, viewer, parseInput(profileUpdateSchema, input)));
}

/** Every other session of the user ends; this browser gets a session of the new version and stays signed in. */
export async function changePasswordAction(input: unknown) {
  return runViewerAction("/settings", async (viewer) => {
    const { sessionVersion } = await changePassword(getRuntime().services, viewer, parseInput(passwordChangeSchema, input));
    await reissueSessionCookie(viewer, sessionVersion);
    return null;
  });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhereAction() {
  return runViewerAction("/settings", async (viewer) => {
    await signOutEverywhere(getRuntime().db, viewer);
    return null;
  });
}

export async function updateOrganizationAction(input: unknown) {
  return runViewerAction("/settings", (viewer) => updateOrganization(getRuntime().services, viewer, parseInput(organizationUpdateSchema, input)));
}
