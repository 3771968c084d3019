import { composeLinkMail } from "./link-mail";
import { createMailer } from "./mailer";
import type { MailConfig } from "./mail-env";

/** An invitation a job created, to mail to its invitee. */
export interface InvitationMail {
  email: string;
  name: string;
  url: string;
  expiresAt: Date;
  organizationName: string;
  sender: string;
}

/**
 * Mails invitations that jobs create (users imports) through the configured server: the same mail
 * the invite form sends. Best effort: resolves false (after `log`) when the server refuses or is
 * unreachable; the import's starter still gets every link.
 */
export function createInvitationSender(mail: MailConfig, log: (error: unknown) => void): (invitation: InvitationMail) => Promise<boolean> {
  const mailer = createMailer(mail.url, mail.from, log);
  return (m) => mailer.send(composeLinkMail({ purpose: "invitation", token: "", expiresAt: m.expiresAt, email: m.email, name: m.name }, m.url, m));
}
