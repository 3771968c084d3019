import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

test("an admin connects a receiver, keeps the secret shown once, sends a test event and sees its answer in the live delivery log", async ({
  page,
  loginAs
}) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(202, { "content-type": "text/plain" }).end("thanks from the CRM");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/switchboard`;

  try {
    await loginAs(page, "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    await test.step("a metadata address is refused with the one generic message", async () => {
      await page.getByLabel("Endpoint URL").fill("http://169.254.169.254/latest/meta-data");
      await page.getByRole("button", { name: "Create webhook" }).click();
      await expect(page.getByLabel("Endpoint URL")).toHaveAccessibleDescription(/this address cannot be used/);
    });

    let secret = "";
    await test.step("created, with its secret shown once", async () => {
      await page.getByLabel("Endpoint URL").fill(url);
      await page.getByLabel("extension.created").check();
      await page.getByRole("button", { name: "Create webhook" }).click();
      await expect(page.getByRole("heading", { name: "Webhook created" })).toBeVisible();
      secret = await page.getByLabel("Signing secret").inputValue();
      expect(secret).toMatch(/^whsec_/);
      await expect(page.getByRole("table", { name: "Webhooks" }).getByRole("link", { name: url })).toBeVisible();
    });

    await test.step("a test event arrives signed, and its answer shows in the log without a reload", async () => {
      await page.getByRole("table", { name: "Webhooks" }).getByRole("link", { name: url }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Webhook ${url}` })).toBeVisible();
      await page.getByRole("button", { name: "Send test event" }).click();
      const log = page.getByRole("table", { name: "Delivery log" });
      await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("202", { timeout: 30_000 });
      await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("thanks from the CRM");
      expect(received).toHaveLength(1);
      const request = received[0];
      const timestamp = String(request?.headers["x-switchboard-timestamp"]);
      const expected = createHmac("sha256", secret)
        .update(`${timestamp}.${request?.body ?? ""}`)
        .digest("hex");
      expect(request?.headers["x-switchboard-signature"]).toBe(`v1=${expected}`);
    });
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
