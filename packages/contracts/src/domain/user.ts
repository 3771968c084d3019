import { z } from "zod";
import { text } from "./text";
import { roleSchema, uuidSchema } from "./common";

/** A staff member as pickers show them (assignee, extension owner, office members, filters). */
export interface UserOption {
  id: string;
  name: string;
  role: string;
  /** Deactivated staff keep their history (filters still offer them) but are never given new work. */
  deactivated: boolean;
}

/** The staff a picker offers: everyone still active or invited, plus whoever is chosen already. */
export function pickableStaff(staff: readonly UserOption[], chosen: Iterable<string | null | undefined> = []): UserOption[] {
  const keep = new Set(chosen);
  return staff.filter((user) => !user.deactivated || keep.has(user.id));
}

/** A staff member's name as a picker lists them, marked when deactivated. */
export function staffOptionLabel(user: UserOption): string {
  return user.deactivated ? `${user.name} (deactivated)` : user.name;
}

export const USER_STATUSES = ["invited", "active", "deactivated"] as const;
export const userStatusSchema = z.enum(USER_STATUSES, { error: `status must be one of: ${USER_STATUSES.join(", ")}` });
export type UserStatus = z.infer<typeof userStatusSchema>;

/** A person of the organization as the users list shows them. Never a password or a link. */
export const userViewSchema = z.object({
  id: text(),
  name: text(),
  email: text(),
  role: roleSchema,
  status: userStatusSchema,
  /** False while no password is set: an invitation or reset link is pending, or a customer without sign-in. */
  hasPassword: z.boolean(),
  officeIds: z.array(text()),
  lastSignInAt: text().nullable(),
  createdAt: text(),
  updatedAt: text(),
  version: z.number().int()
});
export type UserView = z.infer<typeof userViewSchema>;

/**
 * What every user.* event carries: the view plus, as stored, the session version, which realtime
 * nodes compare with each socket's own to end revoked sessions. Consoles get copies without it.
 */
export const userEventDataSchema = userViewSchema.extend({ sessionVersion: z.number().int().optional() });
export type UserEventData = z.infer<typeof userEventDataSchema>;

export const emailSchema = text({ error: "email is required" })
  .trim()
  .toLowerCase()
  .min(1, "email is required")
  .max(254, "email must be at most 254 characters")
  .pipe(z.email({ error: "email must be a valid address" }));

export const personNameSchema = text({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(100, "name must be at most 100 characters")
  .regex(/^[^\p{Cc}]+$/u, "name must not contain control characters");

const PASSWORD_MIN_LENGTH = 10;

/** The length rule; passwordProblem adds the rules that need to know whose password it is. */
const passwordSchema = text({ error: "password is required" })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "password must be at most 200 characters");

const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "password12",
  "password123",
  "password1234",
  "passw0rd",
  "1234567890",
  "0123456789",
  "12345678910",
  "qwertyuiop",
  "qwerty1234",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "administrator",
  "changeme123",
  "switchboard",
  "switchboard1",
  "switchboard-demo"
]);

/**
 * The first strength rule a password breaks (the message names it), or null. Length first, then
 * what a guesser tries early: a well-known password, one or two characters repeated, or the
 * person's own email or name.
 */
export function passwordProblem(password: string, owner: { email?: string; name?: string } = {}): string | null {
  const length = passwordSchema.safeParse(password);
  if (!length.success) return length.error.issues[0]?.message ?? "password is invalid";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "password is too common; choose one that others would not guess";
  if (new Set(lower).size < 4) return "password must use at least 4 different characters";
  const local = owner.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return "password must not contain your email address";
  const name = owner.name?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) return "password must not contain your name";
  return null;
}

const officeIdsSchema = z.array(uuidSchema, { error: "officeIds must be a list of office ids" }).max(100, "at most 100 offices");

/** Invite someone: they get a one-time link and set their own password. */
export const invitationCreateSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  officeIds: officeIdsSchema.default([])
});
export type InvitationCreateInput = z.output<typeof invitationCreateSchema>;

/** A customer account created by staff; it has no sign-in until someone sends it an invitation. */
export const customerCreateSchema = z.strictObject({ email: emailSchema, name: personNameSchema });
export type CustomerCreateInput = z.output<typeof customerCreateSchema>;

/** Change a user: any of name, role, offices, state; `version` (optional) refuses a stale save. */
export const userUpdateSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    role: roleSchema.optional(),
    officeIds: officeIdsSchema.optional(),
    status: z.enum(["active", "deactivated"], { error: "status must be active or deactivated" }).optional(),
    version: z.coerce.number({ error: "version must be a number" }).int().positive().optional()
  })
  .refine((v) => v.name !== undefined || v.role !== undefined || v.officeIds !== undefined || v.status !== undefined, {
    message: "nothing to change: send name, role, officeIds or status",
    path: ["_"]
  });
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const profileUpdateSchema = z.strictObject({ name: personNameSchema });
export type ProfileUpdateInput = z.output<typeof profileUpdateSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: text({ error: "current password is required" }).min(1, "current password is required").max(200),
  newPassword: text({ error: "new password is required" }).max(200, "password must be at most 200 characters")
});
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;

/** The secret part of an invitation or reset link. */
export const linkTokenSchema = text({ error: "the link is incomplete" }).regex(/^[A-Za-z0-9_-]{20,100}$/, "the link is incomplete or damaged");

/** Accept an invitation or use a reset link: set the password (an invitee may correct their name). */
export const linkRedeemSchema = z.strictObject({
  token: linkTokenSchema,
  password: text({ error: "password is required" }).max(200, "password must be at most 200 characters"),
  name: personNameSchema.optional()
});
export type LinkRedeemInput = z.output<typeof linkRedeemSchema>;

/** A one-time link as its creator sees it, once. */
export const issuedLinkSchema = z.object({
  url: text(),
  expiresAt: text(),
  /** Whether it was also mailed (only when the server has a mail transport configured). */
  mailed: z.boolean()
});
export type IssuedLink = z.infer<typeof issuedLinkSchema>;

/** A pending invitation as the list shows it: never its link. */
export const invitationViewSchema = z.object({
  id: text(),
  userId: text(),
  email: text(),
  name: text(),
  role: roleSchema,
  invitedBy: text().nullable(),
  createdAt: text(),
  expiresAt: text(),
  expired: z.boolean()
});
export type InvitationView = z.infer<typeof invitationViewSchema>;
