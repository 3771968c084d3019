import { createServer } from "node:net";
import type { Locator, Page } from "@playwright/test";
import { FakeAmiServer } from "@switchboard/pbx/testing";
import { signWebhook } from "@switchboard/pbx/webhook-signature";
import { expect, test } from "./fixtures";
import { navigate, uniqueSuffix } from "./fixtures/console";

const AMI_USER = "switchboard";
const AMI_SECRET = "right-ami-secret-42";

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function pbxSection(page: Page): Locator {
  return page.getByRole("region", { name: "PBX integration" });
}

async function saveAmi(
  page: Page,
  values: { host?: string; port?: number; username?: string; secret?: string; enabled?: boolean; dialContext?: string }
): Promise<void> {
  const form = page.getByRole("form", { name: "AMI connection" });
  if (values.host !== undefined) await form.getByLabel("AMI host").fill(values.host);
  if (values.port !== undefined) await form.getByLabel("AMI port").fill(String(values.port));
  if (values.username !== undefined) await form.getByLabel("AMI username").fill(values.username);
  if (values.secret !== undefined) await form.getByLabel("AMI secret").fill(values.secret);
  if (values.enabled !== undefined) await form.getByLabel("Connect to this PBX").setChecked(values.enabled);
  if (values.dialContext !== undefined) await form.getByLabel("Dial context").fill(values.dialContext);
  await form.getByRole("button", { name: "Save AMI connection" }).click();
  await expect(
    page
      .getByRole("region", { name: /^Notifications/ })
      .getByText("AMI connection saved", { exact: true })
      .first()
  ).toBeVisible();
}

test("an admin configures the AMI connection and sees its live status; secrets never reach the page", async ({ page, loginAs }) => {
  const ami = await FakeAmiServer.start({ username: AMI_USER, secret: AMI_SECRET });
  const wrongSecret = `wrong-secret-${uniqueSuffix()}`;
  try {
    await loginAs(page, "admin");
    await navigate(page, "Settings");
    const section = pbxSection(page);
    const status = section.getByRole("status");
    await expect(section.getByRole("heading", { name: "AMI connection" })).toBeVisible();

    await test.step("wrong credentials → authentication failed, live, without a reload", async () => {
      await saveAmi(page, { host: "127.0.0.1", port: ami.port, username: AMI_USER, secret: wrongSecret, enabled: true });
      await expect(status).toHaveText("Authentication failed", { timeout: 15_000 });
      expect(ami.logins.refused).toBeGreaterThan(0);
      await expect(section.getByLabel("AMI secret")).toHaveValue("");
      await expect(section.getByLabel("AMI secret")).toHaveAccessibleDescription(`Stored secret ••••••${wrongSecret.slice(-2)}. Leave blank to keep it.`);
      expect(await page.content()).not.toContain(wrongSecret);
    });

    await test.step("nothing listening on the port → unreachable", async () => {
      await saveAmi(page, { port: await closedPort() });
      await expect(status).toHaveText("Unreachable", { timeout: 15_000 });
      await expect(section.getByText(/ECONNREFUSED/)).toBeVisible();
    });

    await test.step("the right secret → connected; a reload shows the same, and no secret", async () => {
      await saveAmi(page, { port: ami.port, secret: AMI_SECRET, dialContext: "acme.example.com" });
      await expect(status).toHaveText("Connected", { timeout: 15_000 });
      await page.reload();
      await expect(pbxSection(page).getByRole("status")).toHaveText("Connected");
      await expect(pbxSection(page).getByLabel("Dial context")).toHaveValue("acme.example.com");
      const html = await page.content();
      expect(html).not.toContain(AMI_SECRET);
      expect(html).not.toContain(wrongSecret);
    });

    await test.step("disabling the connection disconnects it", async () => {
      await saveAmi(page, { enabled: false });
      await expect(pbxSection(page).getByRole("status")).toHaveText("Disabled");
    });
  } finally {
    await ami.close();
  }
});

test("an admin rotates the webhook secret: shown once, and it signs deliveries from then on", async ({ page, loginAs, urls }) => {
  await loginAs(page, "admin");
  await navigate(page, "Settings");
  const section = pbxSection(page);
  const rotate = section.getByRole("button", { name: "Rotate webhook secret" });
  if (await rotate.isVisible()) {
    await rotate.click();
    const dialog = page.getByRole("alertdialog", { name: "Rotate the webhook secret?" });
    await dialog.getByRole("button", { name: "Rotate" }).click();
  } else {
    await section.getByRole("button", { name: "Create webhook integration" }).click();
  }
  const revealed = section.getByRole("textbox", { name: "New webhook secret" });
  await expect(revealed).toHaveValue(/^whsec_/);
  const secret = await revealed.inputValue();
  const url = (await section.getByRole("definition").first().textContent()) ?? "";
  expect(url).toMatch(new RegExp(`^${urls.web.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/api/pbx/webhooks/pbx_`));

  await section.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(pbxSection(page).getByText(`••••••${secret.slice(-2)}`)).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  const body = JSON.stringify({
    id: `e2e-rotate-${uniqueSuffix()}`,
    type: "trunk.status",
    occurredAt: new Date().toISOString(),
    data: { trunk: "Carrier A", registration: "registered" }
  });
  const post = (headers: Record<string, string>) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  expect((await post(signWebhook("whsec_an-old-secret", body))).status).toBe(401);
  expect((await post(signWebhook(secret, body))).status).toBe(200);
});
