import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, uniqueSuffix } from "./fixtures/console";

/** The header's inbox link, named by its unread count ("Notifications, 3 unread" / "…, none unread"). */
const bell = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Notifications, / });

async function unreadCount(page: Page): Promise<number> {
  const match = /(\d+) unread/.exec((await bell(page).getAttribute("aria-label")) ?? "");
  return match?.[1] ? Number(match[1]) : 0;
}

test("a mention made while you were away waits in your inbox; marking all read clears the badge in every tab", async ({
  browser,
  page: bo,
  context,
  loginAs,
  urls
}) => {
  test.setTimeout(120_000);
  await loginAs(bo, "agent2");
  const before = await unreadCount(bo);
  await bo.getByRole("button", { name: "Sign out" }).click();
  await expect(bo).toHaveURL(/\/login/);

  await test.step("a supervisor mentions Bo in an internal note on a Sales ticket", async () => {
    const supervisorContext = await browser.newContext({ baseURL: urls.web });
    const supervisor = await supervisorContext.newPage();
    await loginAs(supervisor, "supervisor");
    await supervisor.goto("/tickets?q=wrong+number+of+seats");
    await supervisor.getByRole("link", { name: "Invoice shows the wrong number of seats" }).click();
    await expect(supervisor.getByRole("heading", { level: 1, name: "Invoice shows the wrong number of seats" })).toBeVisible();
    await supervisor.getByRole("radio", { name: "Internal note" }).check();
    await supervisor.getByLabel("Message").fill(`@bo could you double-check the seat count? ${uniqueSuffix()}`);
    await supervisor.getByRole("button", { name: "Add internal note" }).click();
    await expect(
      supervisor.getByRole("article", { name: "Internal note by Sam Supervisor" }).filter({ hasText: "double-check the seat count" }).first()
    ).toBeVisible();
    await supervisorContext.close();
  });

  await test.step("back online, Bo finds it in the inbox", async () => {
    await loginAs(bo, "agent2");
    await expect(bell(bo)).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
    await bell(bo).click();
    await expect(bo.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const entry = bo.getByRole("list", { name: "Inbox" }).getByRole("listitem").first();
    await expect(entry).toContainText(/Sam Supervisor mentioned you on T-\d+/);
    await expect(entry).toContainText("double-check the seat count");
  });

  await test.step("marking all read in one tab clears the badge in the other, live", async () => {
    const other = await context.newPage();
    await other.goto("/tickets");
    for (const page of [bo, other]) await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
    await expect(bell(other)).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
    await bo.getByRole("button", { name: "Mark all as read" }).click();
    await expect(bell(other)).toHaveAccessibleName("Notifications, none unread");
    await expect(bell(bo)).toHaveAccessibleName("Notifications, none unread");
    await expect(bo.getByText("You are all caught up.")).toBeVisible();
  });
});
