import type { MailMessage } from "./mailer";

interface LinkFacts {
  purpose: "invitation" | "password_reset";
  token: string;
  expiresAt: Date;
  email: string;
  name: string;
}

/** The page a link opens. */
export function linkPath(issued: Pick<LinkFacts, "purpose" | "token">): string {
  return `/${issued.purpose === "invitation" ? "invite" : "reset-password"}/${issued.token}`;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** The mail that carries a link: plain text, who sent it, where it leads, until when it works. */
export function composeLinkMail(issued: LinkFacts, url: string, context: { organizationName: string; sender: string }): MailMessage {
  const until = `${when.format(issued.expiresAt)} UTC`;
  if (issued.purpose === "invitation") {
    return {
      to: issued.email,
      subject: `${context.sender} invited you to ${context.organizationName} on Switchboard`,
      text: [
        `Hello ${issued.name},`,
        "",
        `${context.sender} invited you to ${context.organizationName} on Switchboard. Choose your password here to get started:`,
        "",
        url,
        "",
        `The link works once, until ${until}.`
      ].join("\n")
    };
  }
  return {
    to: issued.email,
    subject: `Set a new Switchboard password for ${context.organizationName}`,
    text: [
      `Hello ${issued.name},`,
      "",
      `${context.sender} reset your Switchboard password for ${context.organizationName}. Choose a new one here:`,
      "",
      url,
      "",
      `The link works once, until ${until}. Until you use it you cannot sign in.`
    ].join("\n")
  };
}
