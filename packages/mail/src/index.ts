export { createMailer, type Mailer } from "./mailer";
export { composeLinkMail, linkPath } from "./link-mail";
export { mailEnvShape, resolveMailConfig, type MailConfig } from "./mail-env";
export { createInvitationSender, type InvitationMail } from "./invitation-mail";
