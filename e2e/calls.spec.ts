import { randomInt } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, row, toast, uniqueSuffix, LIVE } from "./fixtures/console";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

function activeCall(page: Page, caller: string): Locator {
  return page.getByRole("table", { name: "Active calls" }).getByRole("row").filter({ hasText: caller });
}
function recentCall(page: Page, caller: string): Locator {
  return page.getByRole("table", { name: "Recent calls" }).getByRole("row").filter({ hasText: caller });
}
async function openLive(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
}

test("a PBX call shows live on /calls in two consoles: ticking duration, hold, hang-up into recent calls, timeline", async ({
  browser,
  page: admin,
  loginAs,
  stack,
  urls
}) => {
  test.setTimeout(120_000);
  const agentContext = await browser.newContext({ baseURL: urls.web });
  const agent = await agentContext.newPage();
  const dashboard = await admin.context().newPage();
  const operator = await agentContext.newPage();
  const desk102 = operator.getByRole("list", { name: "Extension lamps" }).getByRole("listitem", { name: "Extension 102", exact: true });
  const consoles = [admin, agent];
  const activeCount = dashboard.getByTestId("count-activeCalls");
  let activeBefore = 0;
  const pbx = await createPbxWebhookClient(stack);
  const caller = `Caller ${uniqueSuffix()}`;
  const number = `+1555${String(randomInt(10_000_000)).padStart(7, "0")}`;

  await test.step("an admin and an agent watch the board", async () => {
    await loginAs(admin, "admin");
    await loginAs(agent, "agent");
    await openLive(admin, "/calls", "Calls");
    // The agent gets there through the navigation, as a person would.
    await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls", exact: true }).click();
    await expect(agent.getByRole("heading", { level: 1, name: "Calls", exact: true })).toBeVisible();
    await expect(connectionStatus(agent)).toHaveText("Live", { timeout: 15_000 });
    await openLive(dashboard, "/", "Dashboard");
    await openLive(operator, "/operator", "Operator");
    activeBefore = Number(await activeCount.textContent());
  });

  const callId = await test.step("the call appears in both consoles within a second, ringing", async () => {
    const id = await pbx.startCall({ from: { number, name: caller }, to: "102", trunk: "carrier-a" });
    await Promise.all(consoles.map((page) => expect(activeCall(page, caller)).toBeVisible(LIVE)));
    await pbx.ring(id, "102");
    for (const page of consoles) {
      await expect(activeCall(page, caller).getByText("Ringing", { exact: true })).toBeVisible(LIVE);
      await expect(activeCall(page, caller)).toContainText(number);
    }
    // Call control is for admins and supervisors only.
    await activeCall(admin, caller)
      .getByRole("button", { name: `Actions for the call from ${caller}` })
      .click();
    await expect(admin.getByRole("menu").getByRole("menuitem", { name: "Hang up" })).toBeVisible();
    await admin.keyboard.press("Escape");
    await activeCall(agent, caller)
      .getByRole("button", { name: `Actions for the call from ${caller}` })
      .click();
    await expect(agent.getByRole("menu").getByRole("menuitem", { name: "Create ticket" })).toBeVisible();
    await expect(agent.getByRole("menu").getByRole("menuitem", { name: "Hang up" })).toHaveCount(0);
    await agent.keyboard.press("Escape");
    await expect(activeCount).toHaveText(String(activeBefore + 1));
    return id;
  });

  await test.step("it is answered and its duration ticks every second without a reload", async () => {
    await pbx.answer(callId, "102");
    for (const page of consoles) await expect(activeCall(page, caller).getByText("Answered", { exact: true })).toBeVisible(LIVE);
    for (const page of consoles) {
      const duration = activeCall(page, caller).getByRole("timer", { name: "Duration" });
      await expect(duration).toHaveText(/^\d+:\d\d$/);
      const before = await duration.textContent();
      await expect(duration).not.toHaveText(before ?? "", LIVE);
    }
  });

  await test.step("hold shows as a state and as ticking hold time; resume goes back to answered", async () => {
    await pbx.hold(callId, "102");
    for (const page of consoles) {
      const callRow = activeCall(page, caller);
      await expect(callRow.getByText("On hold", { exact: true })).toBeVisible(LIVE);
      await expect(callRow.getByRole("timer", { name: "Time on hold" })).toHaveText(/^0:0[1-9]$/, { timeout: 8_000 });
    }
    await pbx.resume(callId);
    for (const page of consoles) await expect(activeCall(page, caller).getByText("Answered", { exact: true })).toBeVisible(LIVE);
  });

  await test.step("the call's own page has the board's controls: transfer searches extensions, hang-up waits for Undo", async () => {
    const found = (await (await admin.request.get(`/api/v1/calls?state=live&q=${encodeURIComponent(caller)}`)).json()) as { data: { id: string }[] };
    const detail = await admin.context().newPage();
    await openLive(detail, `/calls/${found.data[0]?.id ?? "missing"}`, `Call from ${caller}`);
    const controls = detail.getByRole("group", { name: `Call control for the call from ${caller}` });
    await controls.getByRole("button", { name: "Transfer…" }).click();
    const search = detail.getByRole("dialog", { name: `Transfer the call from ${caller}` }).getByRole("combobox", { name: "Transfer to extension" });
    await expect(search).toBeFocused();
    await search.fill("103");
    await expect(detail.getByRole("option", { name: /^103/ })).toBeVisible();
    await search.press("Escape");
    await expect(controls.getByRole("button", { name: "Transfer…" })).toBeFocused();
    await controls.getByRole("button", { name: "Hang up" }).click();
    const notifications = detail.getByRole("region", { name: /^Notifications/ });
    await expect(notifications.getByText(`Hanging up the call from ${caller}`)).toBeVisible();
    await notifications.getByRole("button", { name: "Undo" }).click();
    await expect(toast(detail, "Hang-up cancelled")).toBeVisible();
    await detail.close();
  });

  await test.step("the operator panel shows whom extension 102 is talking to", async () => {
    await expect(desk102).toContainText(`With ${caller} (${number})`);
    await expect(desk102.getByRole("timer", { name: "Duration" })).toHaveText(/^\d+:\d\d$/);
  });

  await test.step("hang-up moves it from the active calls to the top of recent calls", async () => {
    await pbx.end(callId, { hungUpBy: "caller" });
    for (const page of consoles) {
      await expect(activeCall(page, caller)).toHaveCount(0, LIVE);
      await expect(recentCall(page, caller)).toBeVisible(LIVE);
      await expect(recentCall(page, caller).getByText("Answered", { exact: true })).toBeVisible();
      await expect(page.getByRole("table", { name: "Recent calls" }).getByRole("row").nth(1)).toContainText(caller);
    }
    await expect(activeCount).toHaveText(String(activeBefore));
    await expect(desk102).not.toContainText(caller);
  });

  await test.step("its timeline lists what happened, and a ticket can be opened from it", async () => {
    await recentCall(agent, caller)
      .getByRole("button", { name: `Actions for the call from ${caller}` })
      .click();
    await agent.getByRole("menu").getByRole("menuitem", { name: "Timeline" }).click();
    await expect(agent.getByRole("heading", { level: 1, name: `Call from ${caller}` })).toBeVisible();
    const timeline = agent.getByRole("list", { name: "Timeline" });
    for (const step of ["Started", "Answered", "Put on hold", "Resumed", "Ended"]) await expect(timeline.getByText(step, { exact: true })).toBeVisible();
    await expect(agent.getByRole("link", { name: "Create ticket", exact: true })).toHaveAttribute("href", /\/tickets\/new\?callId=/);
  });

  await test.step("recent calls filter through the URL", async () => {
    await admin.getByLabel("Search calls").fill(caller);
    await admin.getByLabel("Result").selectOption({ label: "Missed" });
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await expect(admin).toHaveURL(/result=missed/);
    await expect(admin.getByText("No calls match these filters.")).toBeVisible();
    await admin.getByLabel("Result").selectOption({ label: "Answered" });
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await expect(admin).toHaveURL(/result=answered/);
    await expect(admin.getByRole("table", { name: "Recent calls" }).getByRole("row")).toHaveCount(2);
    await expect(recentCall(admin, caller)).toBeVisible();
    // Filters that make no sense are named, not silently dropped; the live board above still works.
    await admin.goto("/calls?from=2026-02-01&to=2026-01-01");
    await expect(admin.getByRole("alert").filter({ hasText: "These filters could not be applied" })).toContainText("to must not be before from");
    await expect(admin.getByRole("table", { name: "Active calls" })).toBeVisible();
  });

  await agentContext.close();
});

test("an extension's lamp and a trunk's registration change live on /operator, /extensions and /trunks", async ({
  browser,
  page: operator,
  loginAs,
  stack,
  urls
}) => {
  test.setTimeout(90_000);
  const supervisorContext = await browser.newContext({ baseURL: urls.web });
  const supervisor = await supervisorContext.newPage();
  const trunksTab = await supervisorContext.newPage();
  const pbx = await createPbxWebhookClient(stack);
  // Extension 109 (Conference room): no other spec touches its status.
  const lamp = operator.getByRole("list", { name: "Extension lamps" }).getByRole("listitem", { name: "Extension 109", exact: true });
  const extensionRow = () => row(supervisor, "Extensions", "109");

  await loginAs(operator, "agent");
  await loginAs(supervisor, "supervisor");
  await pbx.extensionStatus("109", { registration: "registered", deviceState: "idle", dnd: false });
  await pbx.trunkStatus("carrier-a", "registered");
  await openLive(operator, "/operator", "Operator");
  await openLive(supervisor, "/extensions", "Extensions");
  await openLive(trunksTab, "/trunks", "Trunks");
  await expect(lamp).toContainText("Idle");
  await expect(lamp).toContainText("Conference room");
  await expect(extensionRow()).toContainText("Idle");

  const expectLamp = async (label: string) => {
    await Promise.all([expect(lamp).toContainText(label, LIVE), expect(extensionRow()).toContainText(label, LIVE)]);
  };
  await pbx.extensionStatus("109", { deviceState: "ringing" });
  await expectLamp("Ringing");
  await pbx.extensionStatus("109", { deviceState: "in_use" });
  await expectLamp("In use");
  await pbx.extensionStatus("109", { deviceState: "on_hold" });
  await expectLamp("On hold");
  await pbx.extensionStatus("109", { deviceState: "idle", dnd: true });
  await expectLamp("Do not disturb");
  await expect(lamp.locator("[data-lamp]")).toHaveAttribute("data-lamp", "dnd");
  await pbx.extensionStatus("109", { dnd: false, registration: "unregistered" });
  await expectLamp("Unregistered");
  await expect(lamp).not.toContainText("Idle");
  await pbx.extensionStatus("109", { registration: "registered", deviceState: "idle" });
  await expectLamp("Idle");

  // The PBX names a trunk by its endpoint id: the slug of its name.
  await pbx.trunkStatus("carrier-a", "rejected", "403 Forbidden");
  await expect(row(trunksTab, "Trunks", "Carrier A")).toContainText("Rejected", LIVE);
  await expect(row(trunksTab, "Trunks", "Carrier A")).toContainText("403 Forbidden");
  await pbx.trunkStatus("carrier-a", "registered");
  await expect(row(trunksTab, "Trunks", "Carrier A")).toContainText("Registered", LIVE);

  await supervisorContext.close();
});

test("customers see neither Calls nor Operator and are refused both pages and the calls API", async ({ page, loginAs }) => {
  await loginAs(page, "customer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Tickets", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Calls", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Operator", exact: true })).toHaveCount(0);
  for (const path of ["/calls", "/operator"]) {
    await page.goto(path);
    await expect(page.getByRole("alert").filter({ hasText: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Active calls" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Extension lamps" })).toHaveCount(0);
  }
  const api = await page.request.get("/api/v1/calls");
  expect(api.status()).toBe(403);
});
