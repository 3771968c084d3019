import path from "node:path";
import { expect, test } from "../fixtures";
import { connectionStatus, LIVE, signedIn } from "../fixtures/console";
import { createPbxWebhookClient } from "../fixtures/pbx-webhook";
import { docsImagesDir } from "../support/paths";

/**
 * Writes the README's operator panel screenshots (docs/images/operator-panel*.png) at 1440×900,
 * light and dark, from the seeded demo with a busy moment played through PBX webhooks. Not part of
 * the suite: `npm run screenshots` runs it against the same throwaway stack.
 */

const NAMES = ["Front desk", "Accounts", "Billing", "Dispatch", "Field support", "Returns", "Service desk", "Shipping", "Purchasing", "Legal"];

test("operator panel screenshots, light and dark", async ({ browser, page: admin, loginAs, stack, urls }) => {
  test.setTimeout(180_000);
  await loginAs(admin, "admin");
  const added: string[] = [];
  const pbx = await createPbxWebhookClient(stack);
  const calls: string[] = [];
  try {
    for (let i = 0; i < 36; i++) {
      const number = String(200 + i);
      const response = await admin.request.post("/api/v1/extensions", {
        data: {
          number,
          displayName: `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`,
          sipUsername: `shot${number}`,
          sipSecret: `shot-secret-${number}-x`
        }
      });
      expect(response.status()).toBe(201);
      added.push(((await response.json()) as { data: { id: string } }).data.id);
    }
    const numbers = [...Array.from({ length: 12 }, (_, i) => String(100 + i)), ...Array.from({ length: 36 }, (_, i) => String(200 + i))];
    for (const [i, number] of numbers.entries()) {
      const offline = i % 11 === 7;
      await pbx.extensionStatus(number, {
        registration: offline ? "unregistered" : i % 17 === 5 ? "unreachable" : "registered",
        deviceState: "idle",
        dnd: i % 13 === 4
      });
    }
    for (const trunk of ["Carrier A", "SIP provider TLS"]) await pbx.trunkStatus(trunk, "registered");
    await pbx.trunkStatus("Carrier B (backup)", "unreachable", "no answer to OPTIONS");
    const talk = async (from: string, name: string, to: string, hold = false) => {
      const id = await pbx.startCall({ from: { number: from, name }, to, trunk: "Carrier A" });
      await pbx.answer(id, to);
      if (hold) await pbx.hold(id, to);
      calls.push(id);
    };
    await talk("+4930123456", "Mia Keller", "102");
    await talk("+4930765432", "Jon Park", "104", true);
    await talk("+4940111222", "Acme GmbH", "203");
    await talk("+4989555123", "Lena Vogt", "215");
    for (const [from, name, to] of [
      ["+4930999000", "Noah Schmidt", "100"],
      ["+4921133344", "Pia Wagner", "106"]
    ] as const) {
      const id = await pbx.startCall({ from: { number: from, name }, to, trunk: "Carrier A" });
      await pbx.ring(id, to);
      calls.push(id);
    }

    for (const colorScheme of ["light", "dark"] as const) {
      const page = await signedIn(browser, urls.web, loginAs, "supervisor", { viewport: { width: 1440, height: 900 }, colorScheme });
      await page.goto("/operator");
      await expect(connectionStatus(page)).toHaveText("Live", LIVE);
      await expect(page.getByRole("list", { name: "Waiting calls" }).getByRole("listitem")).toHaveCount(2);
      await page.screenshot({ path: path.join(docsImagesDir, colorScheme === "light" ? "operator-panel.png" : "operator-panel-dark.png") });
      await page.context().close();
    }
  } finally {
    for (const id of calls) await pbx.end(id, { hungUpBy: "caller" });
    for (const id of added) await admin.request.delete(`/api/v1/extensions/${id}`);
  }
});
