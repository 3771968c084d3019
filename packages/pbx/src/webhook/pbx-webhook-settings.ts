import { randomBytes } from "node:crypto";
import { secretHint, type SecretBox } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";

/**
 * Creates (or rotates) the organization's webhook integration. The secret is returned once, to be
 * shown to the admin and configured on the PBX; only its ciphertext and a hint are stored.
 */
export async function createPbxWebhook(db: DbClient, box: SecretBox, orgId: string): Promise<{ publicId: string; secret: string }> {
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const sealed = { secretEnc: box.seal(secret), secretHint: secretHint(secret) };
  const row = await db.pbxWebhook.upsert({
    where: { organizationId: orgId },
    create: { organizationId: orgId, publicId: `pbx_${randomBytes(12).toString("base64url")}`, ...sealed },
    update: sealed
  });
  return { publicId: row.publicId, secret };
}
