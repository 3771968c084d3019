import { z } from "zod";

/** The mail variables of every process that mails sign-in links (the web app, the job worker). */
export const mailEnvShape = {
  /** Mail server for invitation and reset links (smtp://user:pass@host:587, smtps://…); unset: links are only shown. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The From address of those mails. */
  MAIL_FROM: z.string().min(3).default("Switchboard <no-reply@switchboard.invalid>")
};

export interface MailConfig {
  url: string;
  from: string;
}

/** The mail server to use, or null when none is configured. */
export function resolveMailConfig(env: { SMTP_URL?: string | undefined; MAIL_FROM: string }): MailConfig | null {
  return env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM } : null;
}
