import "server-only";
import type { IssuedLink } from "@switchboard/contracts";
import { getOrganization, type ActingViewer, type IssuedToken } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { deliverLink, linkBase } from "./deliver-link";

/** The link for an issued token as its creator gets it (and its owner by mail, when configured). */
export async function issueLinkFor(viewer: ActingViewer, issued: IssuedToken, headers: Headers): Promise<IssuedLink> {
  const org = await getOrganization(getRuntime().db, viewer.orgId);
  return deliverLink(issued, { base: linkBase(headers), organizationName: org.name, sender: viewer.name });
}
