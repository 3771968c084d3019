import { expect, test } from "./fixtures";
import { uniqueSuffix } from "./fixtures/console";

/** Whoever opens a ticket can open it afterwards, whatever office and assignee it got. */

test("an agent's new ticket defaults to her office, offers 'Assign to me', and opens afterwards", async ({ page, loginAs }) => {
  await loginAs(page, "agent");
  await page.goto("/tickets/new");
  await expect(page.getByRole("heading", { level: 1, name: "New ticket" })).toBeVisible();
  await expect(page.getByLabel("Office").getByRole("option", { name: "Support", selected: true })).toBeAttached();

  const subject = `Callback wanted ${uniqueSuffix()}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("The caller wants a callback this afternoon.");
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByRole("button", { name: "Assigned to you" })).toBeDisabled();
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByLabel("Assignee").getByRole("option", { name: "Ana Agent", selected: true })).toBeAttached();
});

test("an agent who files a ticket with no office and nobody assigned can still open it", async ({ page, loginAs }) => {
  await loginAs(page, "agent");
  await page.goto("/tickets/new");
  const subject = `Unsorted call ${uniqueSuffix()}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("Not sure which office handles this.");
  await page.getByLabel("Office").selectOption({ label: "No office" });
  await page.getByRole("button", { name: "Create ticket" }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText("Page not found")).toHaveCount(0);
  await page.goto("/tickets");
  await expect(page.getByRole("link", { name: subject })).toBeVisible();
});
