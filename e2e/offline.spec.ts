import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, signedIn, uniqueSuffix } from "./fixtures/console";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

/** Offline is said, not silent: a save fails with the reason and keeps the input; stale data is marked; the way back says so. */

const caughtUp = (page: Page) => page.getByRole("region", { name: /^Notifications/ }).getByText(/^Caught up/);

test("a form submitted offline says it was not saved and why, keeps the input, and saves once back online", async ({ page, loginAs }) => {
  await loginAs(page, "agent");
  await page.goto("/tickets/new");
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
  const subject = `Written offline ${uniqueSuffix()}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("Typed on a train.");

  await page.context().setOffline(true);
  await expect(connectionStatus(page)).toHaveText("Offline");
  await expect(page.getByRole("status").filter({ hasText: /showing data as of \d\d:\d\d:\d\d/ })).toBeVisible();
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved: you are offline" })).toBeVisible();
  await expect(page.getByLabel("Subject")).toHaveValue(subject);
  await expect(page.getByLabel("Description")).toHaveValue("Typed on a train.");

  await page.context().setOffline(false);
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
  await expect(caughtUp(page)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /showing data as of/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
});

test("call control is off while offline and back once reconnected", async ({ browser, loginAs, stack, urls }) => {
  const sam = await signedIn(browser, urls.web, loginAs, "supervisor");
  const pbx = await createPbxWebhookClient(stack);
  const caller = `Offline caller ${uniqueSuffix()}`;
  const callId = await pbx.startCall({ from: { number: "+15550142", name: caller }, to: "104", trunk: "carrier-a" });
  await pbx.answer(callId, "104");
  await sam.goto("/calls");
  await expect(connectionStatus(sam)).toHaveText("Live", { timeout: 15_000 });
  const actions = sam.getByRole("table", { name: "Active calls" }).getByRole("button", { name: `Actions for the call from ${caller}` });
  const controls = sam.getByRole("menu");
  await actions.click();
  await expect(controls.getByRole("menuitem", { name: "Hang up" })).toBeEnabled();

  await sam.context().setOffline(true);
  await expect(connectionStatus(sam)).toHaveText("Offline");
  await expect(controls.getByRole("menuitem", { name: "Hang up" })).toBeDisabled();
  await expect(controls.getByRole("menuitem", { name: "Transfer…" })).toBeDisabled();
  await expect(controls).toContainText("Call control is off while the connection is lost.");

  await sam.context().setOffline(false);
  await expect(connectionStatus(sam)).toHaveText("Live", { timeout: 15_000 });
  await expect(controls.getByRole("menuitem", { name: "Hang up" })).toBeEnabled();
  await pbx.end(callId, { hungUpBy: "caller" });
});

test("queue status controls are off while offline, saying why, and back once reconnected", async ({ browser, loginAs, urls }) => {
  const sam = await signedIn(browser, urls.web, loginAs, "supervisor");
  await sam.goto("/wallboard");
  await expect(connectionStatus(sam)).toHaveText("Live", { timeout: 15_000 });
  const controls = sam.getByRole("group", { name: "Queue state of Ana Agent" });
  const first = controls.getByRole("button").first();
  await expect(first).toBeEnabled();

  await sam.context().setOffline(true);
  await expect(connectionStatus(sam)).toHaveText("Offline");
  for (const button of await controls.getByRole("button").all()) await expect(button).toBeDisabled();
  await expect(controls).toContainText("Changing queue status is off while the connection is lost.");

  await sam.context().setOffline(false);
  await expect(connectionStatus(sam)).toHaveText("Live", { timeout: 15_000 });
  await expect(first).toBeEnabled();
});
