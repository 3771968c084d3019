import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, LIVE, signedIn, toast, uniqueSuffix } from "./fixtures/console";
import { connectDemoToFakeAmi, inboundCall, startFakeAmi } from "./fixtures/fake-pbx";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

/** The operator panel: a dense, live board of every extension, the waiting calls and the trunks, with call control by menu, keyboard and drag. */

const SCREEN = { width: 1440, height: 900 };

function tile(page: Page, number: string): Locator {
  return page.getByRole("list", { name: "Extension lamps" }).getByRole("listitem", { name: `Extension ${number}`, exact: true });
}
/** The extension's button: its accessible name starts with its number and name, then its state. */
function extensionButton(page: Page, number: string): Locator {
  return tile(page, number).getByRole("button");
}
async function openOperator(page: Page): Promise<void> {
  await page.goto("/operator");
  await expect(page.getByRole("heading", { level: 1, name: "Operator" })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", LIVE);
}

/** Adds extensions through the REST API (admin session); returns their ids for clean-up. */
async function addExtensions(request: APIRequestContext, count: number): Promise<string[]> {
  const base = 2000 + (Date.now() % 7000);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const number = String(base * 10 + i);
    const response = await request.post("/api/v1/extensions", {
      data: { number, displayName: `Desk ${number}`, sipUsername: `panel${number}`, sipSecret: `panel-secret-${uniqueSuffix()}` }
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { data: { id: string } }).data.id);
  }
  return ids;
}

test("at 1440×900 the panel shows 40+ extensions at once, without scrolling, and narrows them by search and group", async ({
  browser,
  page: admin,
  loginAs,
  urls
}) => {
  test.setTimeout(120_000);
  await loginAs(admin, "admin");
  const added = await addExtensions(admin.request, 30);
  try {
    const operator = await signedIn(browser, urls.web, loginAs, "supervisor", { viewport: SCREEN });
    await openOperator(operator);
    const tiles = operator.getByRole("list", { name: "Extension lamps" }).getByRole("listitem");
    const count = await tiles.count();
    expect(count).toBeGreaterThanOrEqual(42);
    for (let i = 0; i < count; i++) await expect(tiles.nth(i)).toBeInViewport({ ratio: 1 });
    expect(await operator.evaluate(() => window.scrollY)).toBe(0);

    await operator.getByLabel("Search extensions").fill("conference");
    await expect(tiles).toHaveCount(1);
    await expect(tile(operator, "109")).toBeVisible();
    await operator.getByLabel("Search extensions").fill("");
    await operator.getByLabel("Group").selectOption({ label: "Support" });
    // The Support office's member is Ana, whose extension is 102.
    await expect(tiles).toHaveCount(1);
    await expect(tile(operator, "102")).toBeVisible();
    await operator.getByLabel("Group").selectOption({ label: "All extensions" });
    await expect(tiles).toHaveCount(count);
  } finally {
    for (const id of added) expect((await admin.request.delete(`/api/v1/extensions/${id}`)).status()).toBe(204);
  }
});

test("an extension's state reaches another console live, in words and in the button's glyph", async ({ browser, loginAs, stack, urls }) => {
  const pbx = await createPbxWebhookClient(stack);
  await pbx.extensionStatus("110", { registration: "registered", deviceState: "idle", dnd: false });
  const watcher = await signedIn(browser, urls.web, loginAs, "agent", { viewport: SCREEN });
  const other = await signedIn(browser, urls.web, loginAs, "supervisor", { viewport: SCREEN });
  await Promise.all([openOperator(watcher), openOperator(other)]);
  const button = extensionButton(watcher, "110");
  const expectState = async (label: string, lamp: string, icon: string) => {
    await expect(button).toHaveAccessibleName(new RegExp(`^110 Lobby phone: ${label}`), LIVE);
    await expect(button.getByText(label, { exact: true })).toBeVisible();
    await expect(button).toHaveAttribute("data-lamp", lamp);
    await expect(button.locator("svg")).toHaveAttribute("data-icon", icon);
    await expect(extensionButton(other, "110")).toHaveAttribute("data-lamp", lamp, LIVE);
  };
  await expectState("Idle", "idle", "check");
  await pbx.extensionStatus("110", { deviceState: "ringing" });
  await expectState("Ringing", "ringing", "bell");
  await pbx.extensionStatus("110", { deviceState: "in_use" });
  await expectState("In use", "in_use", "phone");
  await pbx.extensionStatus("110", { deviceState: "on_hold" });
  await expectState("On hold", "on_hold", "pause");
  await pbx.extensionStatus("110", { deviceState: "idle", dnd: true });
  await expectState("Do not disturb", "dnd", "moon");
  await pbx.extensionStatus("110", { dnd: false, registration: "unregistered" });
  await expectState("Unregistered", "unregistered", "off");
  await pbx.extensionStatus("110", { registration: "registered", deviceState: "idle" });
  await expectState("Idle", "idle", "check");
});

test("a call is transferred by dragging it onto an extension and by the keyboard; both reach the PBX; hang-up waits 5 s for Undo", async ({
  browser,
  page: admin,
  loginAs,
  urls
}) => {
  test.setTimeout(120_000);
  const ami = await startFakeAmi();
  try {
    await loginAs(admin, "admin");
    await connectDemoToFakeAmi(admin, ami);
    const operator = await signedIn(browser, urls.web, loginAs, "supervisor", { viewport: SCREEN });
    const watcher = await signedIn(browser, urls.web, loginAs, "agent", { viewport: SCREEN });
    await Promise.all([openOperator(operator), openOperator(watcher)]);

    const caller = `Panel caller ${uniqueSuffix()}`;
    await ami.replay(inboundCall(caller, "answered").text);
    const source = extensionButton(operator, "102");
    await expect(source).toHaveAccessibleName(new RegExp(`^102 Ana Agent: In use, with ${caller}`), LIVE);
    await expect(tile(watcher, "102")).toContainText(`With ${caller}`, LIVE);
    const transfers = () => ami.actions.filter((a) => a.action === "BlindTransfer").map((a) => [a.channel, a.exten]);

    await test.step("drag the call from 102 onto 103", async () => {
      await source.dragTo(tile(operator, "103"));
      await expect(toast(operator, "Call transferred to 103")).toBeVisible();
      expect(transfers()).toEqual([["PJSIP/102-00000002", "103"]]);
    });

    await test.step("the same with the keyboard: Enter opens the menu, Transfer call to…, type, Enter", async () => {
      await source.focus();
      await operator.keyboard.press("Enter");
      const menu = operator.getByRole("menu");
      await expect(menu.getByRole("menuitem", { name: "Call detail" })).toBeFocused();
      await operator.keyboard.press("ArrowDown");
      await expect(menu.getByRole("menuitem", { name: "Transfer call to…" })).toBeFocused();
      await operator.keyboard.press("Enter");
      const dialog = operator.getByRole("dialog", { name: `Transfer the call from ${caller}` });
      const search = dialog.getByRole("combobox", { name: "Transfer to extension" });
      await expect(search).toBeFocused();
      await operator.keyboard.type("Sales desk");
      // Other specs add desks of their own; the demo's two come first.
      await expect(dialog.getByRole("option", { selected: true })).toContainText("104");
      await operator.keyboard.press("ArrowDown");
      await expect(dialog.getByRole("option", { selected: true })).toContainText("105");
      await operator.keyboard.press("Enter");
      await expect(toast(operator, "Call transferred to 105")).toBeVisible();
      await expect(dialog).toHaveCount(0);
      expect(transfers()).toEqual([
        ["PJSIP/102-00000002", "103"],
        ["PJSIP/102-00000002", "105"]
      ]);
    });

    await test.step("hang up from the menu: Undo within 5 s sends nothing; letting it run hangs up", async () => {
      const hangups = () => ami.actions.filter((a) => a.action === "Hangup");
      await source.click();
      await operator.getByRole("menuitem", { name: "Hang up" }).click();
      const notifications = operator.getByRole("region", { name: /^Notifications/ });
      await expect(notifications.getByText(`Hanging up the call from ${caller}`)).toBeVisible();
      await expect(notifications.getByRole("timer", { name: "Hang-up sent in" })).toContainText(/Sent in [1-5] s/);
      await notifications.getByRole("button", { name: "Undo" }).click();
      await expect(toast(operator, "Hang-up cancelled")).toBeVisible();
      await expect(source).toHaveAccessibleName(new RegExp(`with ${caller}`));
      expect(hangups()).toEqual([]);

      await source.click();
      await operator.getByRole("menuitem", { name: "Hang up" }).click();
      await expect(toast(operator, "Call hung up")).toBeVisible({ timeout: 15_000 });
      expect(hangups().map((a) => a.channel)).toEqual(["PJSIP/carrier-a-00000001", "PJSIP/102-00000002"]);
      await expect(tile(watcher, "102")).not.toContainText(caller, LIVE);
    });
  } finally {
    await ami.close();
  }
});

test("a waiting call is picked up to the operator's own extension, and can be dragged to another", async ({ browser, page: admin, loginAs, urls }) => {
  test.setTimeout(120_000);
  const ami = await startFakeAmi();
  try {
    await loginAs(admin, "admin");
    await connectDemoToFakeAmi(admin, ami);
    // Sam Supervisor's own extension is 101.
    const operator = await signedIn(browser, urls.web, loginAs, "supervisor", { viewport: SCREEN });
    await openOperator(operator);
    const waiting = operator.getByRole("list", { name: "Waiting calls" });
    const redirects = () => ami.actions.filter((a) => a.action === "Redirect").map((a) => [a.channel, a.exten, a.context]);

    const first = `Waiting caller ${uniqueSuffix()}`;
    const firstCall = inboundCall(first, "ringing");
    await ami.replay(firstCall.text);
    const entry = waiting.getByRole("listitem", { name: `Waiting: ${first} (+15551230001)` });
    await expect(entry).toBeVisible(LIVE);
    await expect(entry).toContainText("Ringing · 102");
    await expect(tile(operator, "102")).toContainText(`Call from ${first}`);
    await entry.getByRole("button", { name: `Pick up the call from ${first} on 101` }).click();
    await expect(toast(operator, "Call transferred to 101")).toBeVisible();
    expect(redirects()).toEqual([["PJSIP/carrier-a-00000001", "101", "from-internal"]]);
    await ami.replay(firstCall.rest);
    await expect(entry).toHaveCount(0, LIVE);

    const second = `Dragged caller ${uniqueSuffix()}`;
    const secondCall = inboundCall(second, "ringing");
    await ami.replay(secondCall.text);
    const secondEntry = waiting.getByRole("listitem").filter({ hasText: second });
    await expect(secondEntry).toBeVisible(LIVE);
    await secondEntry.dragTo(tile(operator, "106"));
    await expect(toast(operator, "Call transferred to 106")).toBeVisible();
    expect(redirects()).toEqual([
      ["PJSIP/carrier-a-00000001", "101", "from-internal"],
      ["PJSIP/carrier-a-00000001", "106", "from-internal"]
    ]);
    await ami.replay(secondCall.rest);
    await expect(secondEntry).toHaveCount(0, LIVE);
  } finally {
    await ami.close();
  }
});

test("trunk lamps show registration and channels in use, live", async ({ browser, loginAs, stack, urls }) => {
  const pbx = await createPbxWebhookClient(stack);
  await pbx.trunkStatus("Carrier B (backup)", "registered");
  const operator = await signedIn(browser, urls.web, loginAs, "agent", { viewport: SCREEN });
  await openOperator(operator);
  const lamp = operator.getByRole("list", { name: "Trunk lamps" }).getByRole("listitem", { name: "Trunk Carrier B (backup)" });
  await expect(lamp).toContainText("Registered");
  await expect(lamp).toContainText("0/10");
  const callId = await pbx.startCall({ from: { number: "+15550188", name: `Trunk caller ${uniqueSuffix()}` }, to: "104", trunk: "Carrier B (backup)" });
  await expect(lamp).toContainText("1/10", LIVE);
  await pbx.trunkStatus("Carrier B (backup)", "unreachable");
  await expect(lamp).toContainText("Unreachable", LIVE);
  await expect(lamp).toHaveAttribute("data-registration", "unreachable");
  await pbx.end(callId, { result: "missed" });
  await expect(lamp).toContainText("0/10", LIVE);
  await pbx.trunkStatus("Carrier B (backup)", "registered");
  await expect(lamp).toContainText("Registered", LIVE);
});
