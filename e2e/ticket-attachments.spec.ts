import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LIVE, signedIn, uniqueSuffix } from "./fixtures/console";
import { openTicketAsCustomer } from "./fixtures/tickets";

/** What the browser saves when `link` is clicked. */
async function downloaded(page: Page, link: ReturnType<Page["getByRole"]>): Promise<{ name: string; content: Buffer }> {
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  return { name: file.suggestedFilename(), content: await readFile(await file.path()) };
}

test("files sent with a reply reach the other side live and download byte for byte; an internal note's stay with staff", async ({ browser, loginAs, urls }) => {
  test.setTimeout(120_000);
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const { path } = await openTicketAsCustomer(customer, `Handset reboots ${uniqueSuffix()}`);
  await agent.goto(path);
  await expect(agent.getByRole("heading", { level: 2, name: "Reply or add a note" })).toBeVisible();

  const trace = Buffer.from(`14:02:11 REGISTER sip:pbx.example.com ${uniqueSuffix()}\n401 Unauthorized\n`);
  const photo = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  const picker = customer.getByLabel("Attach files");
  await picker.setInputFiles([
    { name: "sip-trace.txt", mimeType: "text/plain", buffer: trace },
    { name: "handset.png", mimeType: "image/png", buffer: photo },
    { name: "empty.log", mimeType: "text/plain", buffer: Buffer.alloc(0) }
  ]);
  await expect(customer.getByText("empty.log is empty")).toBeVisible();
  const chosen = customer.getByRole("list", { name: "Files to send" });
  await expect(chosen.getByRole("listitem")).toHaveText([/sip-trace\.txt/, /handset\.png/]);
  await picker.setInputFiles([{ name: "wrong.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") }]);
  await chosen.getByRole("button", { name: "Remove wrong.pdf" }).click();
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await customer.getByLabel("Your reply").fill("The trace and a photo of the handset.");
  await customer.getByRole("button", { name: "Send reply" }).click();
  await expect(chosen).toHaveCount(0);

  // The agent's open page shows the reply with its files as it is committed.
  const reply = agent.getByRole("article", { name: /^Reply by / }).filter({ hasText: "The trace and a photo" });
  const files = reply.getByRole("list", { name: "Attachments" });
  await expect(files.getByRole("link")).toHaveText(["sip-trace.txt", "handset.png"], LIVE);
  expect(await downloaded(agent, files.getByRole("link", { name: "sip-trace.txt" }))).toEqual({ name: "sip-trace.txt", content: trace });
  expect(await downloaded(agent, files.getByRole("link", { name: "handset.png" }))).toEqual({ name: "handset.png", content: photo });
  // The image is previewed in place; the text file is not.
  const preview = reply.getByRole("img", { name: "Preview of handset.png" });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(reply.getByRole("img")).toHaveCount(1);

  // A file in an internal note: staff download it, the customer's link would be "not found".
  await agent.getByRole("radiogroup", { name: "Compose as" }).getByRole("radio", { name: "Internal note" }).check();
  await agent.getByLabel("Attach files").setInputFiles([{ name: "account-notes.txt", mimeType: "text/plain", buffer: Buffer.from("legacy plan") }]);
  await agent.getByLabel("Message").fill("Customer's account notes attached.");
  await agent.getByRole("button", { name: "Add internal note" }).click();
  const noteFile = agent.getByRole("article", { name: /^Internal note by / }).getByRole("link", { name: "account-notes.txt" });
  await expect(noteFile).toBeVisible();
  const href = (await noteFile.getAttribute("href")) ?? "";
  expect((await customer.request.get(href)).status()).toBe(404);
  expect((await agent.request.get(href)).status()).toBe(200);
  await customer.reload();
  await expect(customer.getByRole("link", { name: "sip-trace.txt" })).toBeVisible();
  await expect(customer.getByText("account-notes.txt")).toHaveCount(0);
});

test("a customer opens a ticket with a screenshot and a 6 MB recording; staff download both from the request", async ({ browser, loginAs, urls }) => {
  test.setTimeout(90_000);
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const subject = `Softphone shows a blank screen ${uniqueSuffix()}`;
  const screenshot = Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]);
  await customer.goto("/tickets/new");
  await customer.getByLabel("Subject").fill(subject);
  await customer.getByLabel("Description").fill("It went blank after the update; screenshot attached.");
  await customer.getByLabel("Department").selectOption({ label: "Support" });
  // Past what a page's request may carry by default (1 MB for server actions): the limits are the reply's own.
  const recording = Buffer.alloc(6 * 1024 * 1024, 7);
  await customer.getByLabel("Attach files").setInputFiles([
    { name: "blank.gif", mimeType: "image/gif", buffer: screenshot },
    { name: "call.wav", mimeType: "audio/wav", buffer: recording }
  ]);
  await customer.getByRole("button", { name: "Create ticket" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: subject })).toBeVisible();

  await agent.goto(new URL(customer.url()).pathname);
  const request = agent.getByRole("article", { name: /^Request by / });
  expect(await downloaded(agent, request.getByRole("link", { name: "blank.gif" }))).toEqual({ name: "blank.gif", content: screenshot });
  const wav = await downloaded(agent, request.getByRole("link", { name: "call.wav" }));
  expect([wav.name, wav.content.equals(recording)]).toEqual(["call.wav", true]);
});
