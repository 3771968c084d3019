import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, signedIn, uniqueSuffix } from "./fixtures/console";

/** A customer's answer is news: it lifts the ticket in staff lists, reopens it and shows as unread until opened. */

async function post(page: Page, path: string, data: unknown, method: "post" | "patch" = "post"): Promise<{ id: string }> {
  const response = await page.request[method](path, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { data: { id: string } }).data;
}

/** Opens a ticket and waits until the page has recorded it as read (its server action answered). */
async function readTicket(page: Page, id: string, open: () => Promise<unknown>): Promise<void> {
  const marked = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/tickets/${id}` && r.ok());
  await open();
  await marked;
}

const rowOf = (page: Page, subject: string) => page.getByRole("table", { name: "Tickets" }).getByRole("row").filter({ hasText: subject });

test("a customer's reply to a pending ticket reopens it, moves it to the top and marks it unread for staff until they open it", async ({
  browser,
  loginAs,
  urls
}) => {
  test.setTimeout(90_000);
  const cara = await signedIn(browser, urls.web, loginAs, "customer");
  const ana = await signedIn(browser, urls.web, loginAs, "agent");
  const subject = `Fax line silent ${uniqueSuffix()}`;
  const offices = (await (await ana.request.get("/api/v1/offices")).json()) as { data: { id: string; name: string }[] };
  const support = offices.data.find((o) => o.name === "Support");
  const { id } = await post(cara, "/api/v1/tickets", { subject, body: "No tone on the fax line.", officeId: support?.id });
  await post(ana, `/api/v1/tickets/${id}/replies`, { body: "Which number is it?" });
  await post(ana, `/api/v1/tickets/${id}`, { status: "pending" }, "patch");
  // Someone else's ticket answered later sits above it until the customer replies.
  const newer = `Newer ticket ${uniqueSuffix()}`;
  await post(cara, "/api/v1/tickets", { subject: newer, body: "Another thing.", officeId: support?.id });

  // Ana has read it all so far.
  await readTicket(ana, id, () => ana.goto(`/tickets/${id}`));
  await expect(ana.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await ana.goto("/tickets");
  await expect(connectionStatus(ana)).toHaveText("Live", { timeout: 15_000 });
  const row = rowOf(ana, subject);
  await expect(row.getByText("Pending")).toBeVisible();

  await post(cara, `/api/v1/tickets/${id}/replies`, { body: "It is 555-0199." });

  await test.step("live: reopened, marked unread, on top", async () => {
    await expect(row.getByText("New customer reply")).toBeVisible();
    await expect(row.getByText("Open", { exact: true })).toBeVisible();
    await expect(ana.getByRole("table", { name: "Tickets" }).getByRole("row").nth(1)).toContainText(subject);
  });

  await test.step("after a reload the server says the same", async () => {
    await ana.reload();
    await expect(rowOf(ana, subject).getByText("New customer reply")).toBeVisible();
    await expect(ana.getByRole("table", { name: "Tickets" }).getByRole("row").nth(1)).toContainText(subject);
    await expect(rowOf(ana, newer).getByText("New customer reply")).toHaveCount(0);
  });

  await test.step("opening the ticket reads it", async () => {
    await readTicket(ana, id, () => rowOf(ana, subject).getByRole("link", { name: subject }).click());
    await expect(ana.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await ana.goto("/tickets");
    await expect(rowOf(ana, subject)).toBeVisible();
    await expect(rowOf(ana, subject).getByText("New customer reply")).toHaveCount(0);
  });
});
