import { randomUUID } from "node:crypto";
import { hashPassword, secretHint, type SecretBox } from "@switchboard/auth";
import type { Role } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Extension, Organization, Trunk, User } from "../generated/prisma/client";

/** Seed factories shared by the demo seed and by tests. Every write goes through the hooks. */
export async function createOrganization(db: DbClient, input: { slug?: string; name?: string } = {}): Promise<Organization> {
  const slug = input.slug ?? `org-${randomUUID().slice(0, 8)}`;
  return db.organization.create({ data: { slug, name: input.name ?? `Org ${slug}` } });
}

export async function createUser(
  db: DbClient,
  orgId: string,
  input: { role: Role; name?: string; email?: string; password?: string; passwordHash?: string }
): Promise<User> {
  // Emails are unique across organizations: 8 hex digits collided about once in a hundred
  // seedings of the benchmark's 10,000 users (birthday bound), so the email takes the whole UUID.
  const unique = randomUUID();
  return db.user.create({
    data: {
      organizationId: orgId,
      role: input.role,
      name: input.name ?? `${input.role} ${unique.slice(0, 8)}`,
      email: (input.email ?? `${input.role}-${unique}@example.test`).toLowerCase(),
      passwordHash: input.passwordHash ?? (await hashPassword(input.password ?? "correct horse battery"))
    }
  });
}

export function extensionData(box: SecretBox, orgId: string, number: string, overrides: Partial<Extension> = {}) {
  const secret = `sip-${randomUUID()}`;
  return {
    organizationId: orgId,
    number,
    displayName: `Desk ${number}`,
    sipUsername: `ext${number}`,
    sipSecretEnc: box.seal(secret),
    sipSecretHint: secretHint(secret),
    codecs: ["opus", "g722", "ulaw"],
    ...overrides
  };
}

export async function createExtensionRow(db: DbClient, box: SecretBox, orgId: string, number: string, overrides: Partial<Extension> = {}): Promise<Extension> {
  return db.extension.create({ data: extensionData(box, orgId, number, overrides) });
}

export function trunkData(box: SecretBox, orgId: string, name: string, overrides: Partial<Trunk> = {}) {
  const secret = `trunk-${randomUUID()}`;
  return {
    organizationId: orgId,
    name,
    host: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.sip.example.net`,
    username: name.toLowerCase().replace(/[^a-z0-9]+/g, ""),
    secretEnc: box.seal(secret),
    secretHint: secretHint(secret),
    codecs: ["ulaw", "alaw"],
    ...overrides
  };
}
