import { z } from "zod";
import { text } from "./text";
import type { PbxConnectionStatus } from "./call";

const hostSchema = text()
  .trim()
  .min(1, "host is required")
  .max(253, "host must be at most 253 characters")
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:]+\]?$/, "host must be a hostname or IP address");

/**
 * A dialplan context: letters, digits, ".", "-", "_" (FusionPBX names each domain's context after
 * the domain). Nothing that could end an AMI header line.
 */
export const dialContextSchema = text()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,80}$/, "dial context must be 1–80 letters, digits, dots, dashes or underscores");

/** Admin input for the AMI connection. On update an absent or empty secret keeps the current one. */
export const pbxConnectionInputSchema = z.strictObject({
  host: hostSchema,
  port: z.coerce
    .number({ error: "port must be a number" })
    .int("port must be a whole number")
    .min(1, "port must be 1–65535")
    .max(65535, "port must be 1–65535")
    .default(5038),
  username: text().trim().min(1, "username is required").max(64, "username must be at most 64 characters"),
  secret: z.preprocess(
    (v) => (v === "" ? undefined : v),
    text().min(8, "secret must be at least 8 characters").max(128, "secret must be at most 128 characters").optional()
  ),
  enabled: z.boolean().default(true),
  /** Where transfers and pick-ups are dialled; absent keeps the current one, empty or null clears it. */
  dialContext: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), dialContextSchema.nullable().optional())
});
export type PbxConnectionInput = z.infer<typeof pbxConnectionInputSchema>;

export type PbxConnectionSettingsView = {
  id: string;
  host: string;
  port: number;
  username: string;
  secretHint: string;
  enabled: boolean;
  dialContext: string | null;
  status: PbxConnectionStatus;
  lastError: string | null;
  statusChangedAt: string;
  lastConnectedAt: string | null;
};

export interface PbxIntegrationView {
  ami: PbxConnectionSettingsView | null;
  webhook: { publicId: string; secretHint: string; enabled: boolean; path: string } | null;
}

/** The webhook integration as its events carry it (admins only): never the secret, only its hint. */
export const pbxWebhookViewSchema = z.object({ id: text(), publicId: text(), enabled: z.boolean(), secretHint: text(), updatedAt: text() });
