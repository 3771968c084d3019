import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends one message; resolves false (and logs) when the mail server refuses or is unreachable. */
  send(message: MailMessage): Promise<boolean>;
}

/**
 * Mail through the configured server (SMTP_URL). Sending is best effort: whoever created a link
 * is always shown it, so a mail server that is down costs a copy-and-paste, never the invitation.
 */
export function createMailer(
  transport: string | SMTPTransport.Options | { jsonTransport: true },
  from: string,
  log: (error: unknown) => void
): Mailer & { transporter: Transporter } {
  const transporter = nodemailer.createTransport(transport as SMTPTransport.Options);
  return {
    transporter,
    async send(message) {
      try {
        await transporter.sendMail({ from, ...message });
        return true;
      } catch (error) {
        log(error);
        return false;
      }
    }
  };
}
