import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * SIP and trunk secrets must be recoverable (the PBX needs them), so they are encrypted at rest
 * with AES-256-GCM. Only a hint (last two characters) ever leaves the server.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretBox(keyMaterial: string): SecretBox {
  const key = createHash("sha256").update(keyMaterial).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("sealed secret has an unknown format");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    }
  };
}

/** What a browser may see of a secret: its length hidden, the last two characters shown. */
export function secretHint(plain: string): string {
  return `••••••${plain.slice(-2)}`;
}
