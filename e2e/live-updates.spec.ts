import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  connectionStatus,
  createExtensionThroughUi,
  createTrunkThroughUi,
  deleteThroughUi,
  editExtensionThroughUi,
  editTrunkThroughUi,
  navigate,
  recordedToasts,
  recordToasts,
  row,
  toast,
  uniqueExtensionNumber,
  uniqueSuffix,
  LIVE
} from "./fixtures/console";

/**
 * The multi-tab check. Admin tab 1 acts; admin tab 2 (same browser context, same user) and
 * an agent (own context) only watch. Nothing is ever reloaded: every change must arrive over the
 * realtime connection, and after a realtime crash the missed ones must be replayed.
 */
test("every open console shows each change live, toasts only others' changes, and catches up after a realtime crash", async ({
  browser,
  context,
  page: admin,
  loginAs,
  realtime,
  urls
}) => {
  // Three signed-in tabs, twelve writes and a crash with reconnect backoff: longer than a usual test.
  test.setTimeout(240_000);
  await recordToasts(context);
  const agentContext = await browser.newContext({ baseURL: urls.web });
  await recordToasts(agentContext);
  const agent = await agentContext.newPage();
  const adminTab2 = await context.newPage();
  const watchers = [agent, adminTab2];
  const everyTab = [admin, adminTab2, agent];

  /** After an action: others show it within a second, only the agent gets a toast naming the admin. */
  async function expectSeenByOthers(message: string, shows: (page: Page) => Promise<void>): Promise<void> {
    // All measured from the same instant, so each tab gets one second, not one after the other.
    await Promise.all([...watchers.map((page) => shows(page)), expect(toast(agent, message)).toBeVisible(LIVE)]);
    // The event reached both admin tabs too (tab 2 just showed it); neither says anything about it.
    await expect(toast(adminTab2, message)).toHaveCount(0);
    await expect(toast(admin, message)).toHaveCount(0);
  }

  await test.step("both users are online and see each other on the dashboard", async () => {
    await loginAs(admin, "admin");
    await adminTab2.goto("/");
    await loginAs(agent, "agent");
    for (const page of everyTab) await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
    const online = (page: Page) => page.getByRole("list", { name: "People online" });
    // Presence changes are coalesced and pushed per organization: on a busy machine that takes a while.
    for (const page of everyTab) {
      await expect(online(page).getByRole("listitem").filter({ hasText: "Ada Admin" })).toBeVisible(LIVE);
      await expect(online(page).getByRole("listitem").filter({ hasText: "Ana Agent" })).toBeVisible(LIVE);
    }
    await expect(online(agent).getByRole("listitem").filter({ hasText: "Ana Agent" })).toContainText("(you)");
    // Two tabs of one user are one person online, with both tabs counted.
    await expect(online(agent).getByRole("listitem").filter({ hasText: "Ada Admin" })).toContainText("2 tabs", LIVE);
  });

  const number = uniqueExtensionNumber();
  const displayName = `Live desk ${uniqueSuffix()}`;
  const renamed = `${displayName} (renamed)`;

  await test.step("extension created, edited and deleted by the admin appears in the other tabs", async () => {
    for (const page of everyTab) await navigate(page, "Extensions");

    await createExtensionThroughUi(admin, { number, displayName });
    await expectSeenByOthers(`Ada Admin created extension ${number}`, (page) => expect(row(page, "Extensions", number)).toContainText(displayName, LIVE));

    await editExtensionThroughUi(admin, number, { displayName: renamed });
    await expectSeenByOthers(`Ada Admin renamed extension ${number} to ${renamed}`, (page) =>
      expect(row(page, "Extensions", number)).toContainText(renamed, LIVE)
    );

    await deleteThroughUi(admin, "extension", number);
    await expectSeenByOthers(`Ada Admin deleted extension ${number}`, (page) => expect(row(page, "Extensions", number)).toHaveCount(0, LIVE));
  });

  const trunk = `Live carrier ${uniqueSuffix()}`;
  const host = `live-${uniqueSuffix()}.e2e.example.net`;
  const newHost = `moved-${uniqueSuffix()}.e2e.example.net`;

  await test.step("trunk created, edited and deleted by the admin appears in the other tabs", async () => {
    for (const page of everyTab) await navigate(page, "Trunks");

    await createTrunkThroughUi(admin, { name: trunk, host });
    await expectSeenByOthers(`Ada Admin created trunk ${trunk}`, (page) => expect(row(page, "Trunks", trunk)).toContainText(host, LIVE));

    await editTrunkThroughUi(admin, trunk, { host: newHost });
    await expectSeenByOthers(`Ada Admin changed the host of trunk ${trunk} to ${newHost}`, (page) =>
      expect(row(page, "Trunks", trunk)).toContainText(newHost, LIVE)
    );

    await deleteThroughUi(admin, "trunk", trunk);
    await expectSeenByOthers(`Ada Admin deleted trunk ${trunk}`, (page) => expect(row(page, "Trunks", trunk)).toHaveCount(0, LIVE));
  });

  const offlineNumber = uniqueExtensionNumber();
  const offlineName = `Offline desk ${uniqueSuffix()}`;
  const offlineRenamed = `${offlineName} (renamed)`;

  await test.step("with the realtime server down, consoles say so and writes still succeed", async () => {
    for (const page of everyTab) await navigate(page, "Extensions");
    for (const page of everyTab) await expect(connectionStatus(page)).toHaveText("Live");
    await realtime.stop();
    for (const page of everyTab) await expect(connectionStatus(page)).toHaveText(/^(Reconnecting…|Offline)$/);

    await createExtensionThroughUi(admin, { number: offlineNumber, displayName: offlineName });
    await editExtensionThroughUi(admin, offlineNumber, { displayName: offlineRenamed });
    // The acting tab re-read the list from the server; the others have nothing to patch with.
    await expect(row(admin, "Extensions", offlineNumber)).toContainText(offlineRenamed);
    for (const page of watchers) await expect(row(page, "Extensions", offlineNumber)).toHaveCount(0);
  });

  await test.step("when it is back, consoles are live again and the missed changes arrive, in order", async () => {
    await realtime.start();
    // The client retries with exponential backoff capped at 10 s (plus jitter), so allow for one full wait.
    for (const page of everyTab) await expect(connectionStatus(page)).toHaveText("Live", { timeout: 45_000 });
    for (const page of watchers) await expect(row(page, "Extensions", offlineNumber)).toContainText(offlineRenamed);
    // The toasts may have come and gone while the other tabs were still reconnecting: ask the tab's record.
    for (const text of [`Ada Admin created extension ${offlineNumber}`, `Ada Admin renamed extension ${offlineNumber} to ${offlineRenamed}`]) {
      await expect.poll(async () => (await recordedToasts(agent)).some((shown) => shown.startsWith(text))).toBe(true);
    }
    await expect(toast(adminTab2, `Ada Admin renamed extension ${offlineNumber} to ${offlineRenamed}`)).toHaveCount(0);
  });

  await test.step("over the whole run the admin's tabs never toasted the admin's own changes", async () => {
    for (const page of [admin, adminTab2]) {
      const shown = await recordedToasts(page);
      expect(shown.filter((text) => text.startsWith("Ada Admin"))).toEqual([]);
    }
    expect(await recordedToasts(admin)).toEqual(
      expect.arrayContaining([`Extension ${number} created`, `Extension ${number} updated`, `Extension ${number} deleted`, `Trunk ${trunk} created`])
    );
    const agentSaw = await recordedToasts(agent);
    expect(agentSaw).toEqual(expect.arrayContaining([`Ada Admin created extension ${number}`, `Ada Admin deleted trunk ${trunk}`]));
    // After the crash every tab said it had caught up.
    expect(agentSaw.some((text) => text.startsWith("Caught up"))).toBe(true);
    // Otherwise the agent only hears about others' changes, never an actor's own success message.
    expect(agentSaw.filter((text) => !text.startsWith("Ada Admin") && !text.startsWith("Caught up"))).toEqual([]);
  });

  await test.step("back on the dashboard, who is online is listed afresh", async () => {
    // The other pages did not follow presence; the dashboard asks for the list again.
    await navigate(agent, "Dashboard");
    const online = agent.getByRole("list", { name: "People online" });
    await expect(online.getByRole("listitem").filter({ hasText: "Ada Admin" })).toContainText("2 tabs", LIVE);
    await expect(online.getByRole("listitem").filter({ hasText: "Ana Agent" })).toContainText("(you)");
  });

  await deleteThroughUi(admin, "extension", offlineNumber);
  await agentContext.close();
});
