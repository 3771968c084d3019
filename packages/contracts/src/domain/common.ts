import { z } from "zod";

export const roleSchema = z.enum(["admin", "supervisor", "agent", "customer"]);
export type Role = z.infer<typeof roleSchema>;

export const transportSchema = z.enum(["udp", "tcp", "tls", "wss"]);
export type Transport = z.infer<typeof transportSchema>;

export const CODECS = ["opus", "g722", "ulaw", "alaw", "g729", "gsm"] as const;
const codecSchema = z.enum(CODECS);

/** Codecs arrive as an array (JSON) or a comma-separated string (forms). */
export const codecListSchema = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(",")
          .map((c) => c.trim().toLowerCase())
          .filter(Boolean)
      : value,
  z
    .array(codecSchema, { error: `codecs must be a list of: ${CODECS.join(", ")}` })
    .max(CODECS.length)
    .refine((list) => new Set(list).size === list.length, "codecs must not repeat")
);

/** Checkbox-friendly boolean: accepts true/false, "on", "true"/"false". */
export const formBoolean = z.preprocess((value) => {
  if (value === "on" || value === "true") return true;
  if (value === "false" || value === "off") return false;
  return value;
}, z.boolean());

export const uuidSchema = z.uuid({ error: "must be a valid id" });
