import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitationSender } from "./invitation-mail";
import { startSmtpReceiver, type SmtpReceiver } from "./testing";

let receiver: SmtpReceiver;

beforeAll(async () => {
  receiver = await startSmtpReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

describe("invitation mail", () => {
  it("is delivered over SMTP to the invitee, from MAIL_FROM, with the link and who sent it", async () => {
    const errors: unknown[] = [];
    const send = createInvitationSender({ url: receiver.url, from: "Switchboard <sb@example.test>" }, (e) => errors.push(e));
    const url = "https://sb.example/invite/tok_abcdefghijklmnopqrstuvwxyz0123456789";
    const sent = await send({
      email: "nia@example.test",
      name: "Nia",
      url,
      expiresAt: new Date("2026-12-10T09:30:00Z"),
      organizationName: "Acme",
      sender: "Ada Admin"
    });
    expect(errors).toEqual([]);
    expect(sent).toBe(true);
    expect(receiver.messages).toHaveLength(1);
    const [mail] = receiver.messages;
    expect(mail?.from).toBe("sb@example.test");
    expect(mail?.to).toEqual(["nia@example.test"]);
    expect(mail?.text).toContain("Subject: Ada Admin invited you to Acme on Switchboard");
    expect(mail?.text).toContain(url);
  });

  it("reports a server that cannot be reached as not mailed", async () => {
    const errors: unknown[] = [];
    const send = createInvitationSender({ url: "smtp://127.0.0.1:1", from: "sb@example.test" }, (e) => errors.push(e));
    expect(
      await send({ email: "x@example.test", name: "X", url: "https://sb.example/invite/x", expiresAt: new Date(), organizationName: "Acme", sender: "Ada" })
    ).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
