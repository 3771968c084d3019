import { expect, test } from "./fixtures";
import { connectionStatus, uniqueSuffix } from "./fixtures/console";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

/** An operator card never contradicts itself: its lamp and its call line come from one state. */

test("a ringing call on an extension the PBX still reports idle shows 'Ringing' with 'Call from …', never 'Idle'", async ({ page, loginAs, stack }) => {
  const pbx = await createPbxWebhookClient(stack);
  await pbx.extensionStatus("107", { registration: "registered", deviceState: "idle", dnd: false });
  await loginAs(page, "supervisor");
  await page.goto("/operator");
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
  const card = page.getByRole("list", { name: "Extension lamps" }).getByRole("listitem", { name: "Extension 107", exact: true });
  await expect(card.getByText("Idle", { exact: true })).toBeVisible();

  const caller = `Caller ${uniqueSuffix()}`;
  const callId = await pbx.startCall({ from: { number: "+15550107", name: caller }, to: "107", trunk: "carrier-a" });
  await pbx.ring(callId, "107");
  // The device state lags (or never comes): the PBX says idle again while the call rings.
  await pbx.extensionStatus("107", { registration: "registered", deviceState: "idle", dnd: false });

  await expect(card).toContainText(`Call from ${caller}`);
  await expect(card.getByText("Ringing", { exact: true })).toBeVisible();
  await expect(card.getByText("Idle", { exact: true })).toHaveCount(0);

  await pbx.answer(callId, "107");
  await expect(card).toContainText(`With ${caller}`);
  await expect(card.getByText("In use", { exact: true })).toBeVisible();

  await pbx.end(callId, { hungUpBy: "caller" });
  await pbx.extensionStatus("107", { registration: "registered", deviceState: "idle", dnd: false });
  await expect(card).not.toContainText(caller);
  await expect(card.getByText("Idle", { exact: true })).toBeVisible();
});
