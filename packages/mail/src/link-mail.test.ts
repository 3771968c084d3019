import { describe, expect, it } from "vitest";
import { createMailer } from "./mailer";
import { composeLinkMail, linkPath } from "./link-mail";

const issued = {
  purpose: "invitation" as const,
  token: "tok_abcdefghijklmnopqrstuvwxyz",
  expiresAt: new Date("2026-12-10T09:30:00Z"),
  email: "nia@example.test",
  name: "Nia"
};

describe("sign-in link mail", () => {
  it("points invitations and resets at their pages and says who sent them and until when", () => {
    expect(linkPath(issued)).toBe("/invite/tok_abcdefghijklmnopqrstuvwxyz");
    expect(linkPath({ ...issued, purpose: "password_reset" })).toBe("/reset-password/tok_abcdefghijklmnopqrstuvwxyz");
    const mail = composeLinkMail(issued, "https://sb.example/invite/x", { organizationName: "Acme", sender: "Ada Admin" });
    expect(mail).toMatchObject({ to: "nia@example.test", subject: "Ada Admin invited you to Acme on Switchboard" });
    expect(mail.text).toContain("https://sb.example/invite/x");
    expect(mail.text).toContain("until 10 December 2026 at 09:30 UTC");
  });

  it("sends through nodemailer and reports a failed send as not mailed", async () => {
    const mailer = createMailer({ jsonTransport: true }, "Switchboard <sb@example.test>", () => undefined);
    const sent: unknown[] = [];
    const sendMail = mailer.transporter.sendMail.bind(mailer.transporter);
    mailer.transporter.sendMail = (async (message: object) => {
      const info = (await sendMail(message)) as { message: string };
      sent.push(JSON.parse(info.message));
      return info;
    }) as typeof mailer.transporter.sendMail;
    expect(await mailer.send(composeLinkMail(issued, "https://sb.example/invite/x", { organizationName: "Acme", sender: "Ada" }))).toBe(true);
    expect(sent[0]).toMatchObject({
      from: { address: "sb@example.test" },
      to: [{ address: "nia@example.test" }],
      text: expect.stringContaining("https://sb.example/invite/x")
    });
    const errors: unknown[] = [];
    const broken = createMailer("smtp://127.0.0.1:1", "sb@example.test", (error) => errors.push(error));
    expect(await broken.send({ to: "x@example.test", subject: "s", text: "t" })).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
