"use server";

import { headers } from "next/headers";
import { customerCreateSchema, invitationCreateSchema, userUpdateSchema } from "@switchboard/contracts";
import { createCustomer, inviteUser, issueSignInLink, parseId, parseInput, revokeInvitation, updateUser, type IssuedToken } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";
import { issueLinkFor } from "../server/issue-link";

// Each action re-checks the session and parses its input; the services enforce who may do what.

async function deliver(viewer: Viewer, issued: IssuedToken) {
  return issueLinkFor(viewer, issued, await headers());
}

export async function inviteUserAction(input: unknown) {
  return runViewerAction("/users", async (viewer) => {
    const { user, link } = await inviteUser(getRuntime().services, viewer, parseInput(invitationCreateSchema, input));
    return { user, link: await deliver(viewer, link) };
  });
}

export async function createCustomerAction(input: unknown) {
  return runViewerAction("/users", (viewer) => createCustomer(getRuntime().services, viewer, parseInput(customerCreateSchema, input)));
}

export async function updateUserAction(id: string, input: unknown) {
  return runViewerAction("/users", async (viewer) => {
    const data = parseInput(userUpdateSchema, input);
    return updateUser(getRuntime().services, viewer, parseId(id, "user"), data);
  });
}

/** A new invitation for someone without a password, else a password reset (which ends their sessions). */
export async function sendSignInLinkAction(id: string) {
  return runViewerAction("/users", async (viewer) => deliver(viewer, await issueSignInLink(getRuntime().services, viewer, parseId(id, "user"))));
}

export async function revokeInvitationAction(id: string) {
  return runViewerAction("/users", (viewer) => revokeInvitation(getRuntime().services, viewer, parseId(id, "invitation")));
}
