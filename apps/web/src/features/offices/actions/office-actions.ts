"use server";

import { RULES } from "@switchboard/auth";
import { officeCreateSchema, officeMembersSchema, officeUpdateSchema } from "@switchboard/contracts";
import { createOffice, deleteOffice, enforce, parseId, parseInput, renameOffice, setOfficeMembers } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

// The rule is checked before the id, so a refusal never depends on it.

export async function createOfficeAction(input: unknown) {
  return runViewerAction("/offices", (viewer) => createOffice(getRuntime().services, viewer, parseInput(officeCreateSchema, input)));
}

export async function renameOfficeAction(id: string, input: unknown) {
  return runViewerAction("/offices", (viewer) => {
    const data = parseInput(officeUpdateSchema, input);
    enforce(RULES.manageOffices, viewer);
    return renameOffice(getRuntime().services, viewer, parseId(id, "office"), data);
  });
}

export async function deleteOfficeAction(id: string) {
  return runViewerAction("/offices", (viewer) => {
    enforce(RULES.manageOffices, viewer);
    return deleteOffice(getRuntime().services, viewer, parseId(id, "office"));
  });
}

export async function setOfficeMembersAction(id: string, input: unknown) {
  return runViewerAction("/offices", (viewer) => {
    const data = parseInput(officeMembersSchema, input);
    enforce(RULES.manageOffices, viewer);
    return setOfficeMembers(getRuntime().services, viewer, parseId(id, "office"), data);
  });
}
