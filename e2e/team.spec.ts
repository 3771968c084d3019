import { expect, test } from "./fixtures";
import { toast, uniqueSuffix } from "./fixtures/console";
import type { Page } from "@playwright/test";

/** The users table row whose row header is the person's name. */
function userRow(page: Page, name: string) {
  return page
    .getByRole("table", { name: "Users" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("an admin invites someone who joins and signs in; demoting them changes their open tab at once", async ({ browser, page: admin, loginAs, urls }) => {
  const name = `Ivy ${uniqueSuffix()}`;
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}@example.test`;
  const password = `a good passphrase ${uniqueSuffix()}`;
  await loginAs(admin, "admin");

  // A second admin tab watching the list: it follows every change without reloading.
  const watcher = await admin.context().newPage();
  await watcher.goto("/users");
  await expect(watcher.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  const link = await test.step("the admin invites them as an agent of Support and gets the link once", async () => {
    await admin.goto("/users");
    const form = admin.getByRole("form", { name: "Invite someone" });
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Role", { exact: true }).selectOption({ label: "Agent" });
    await form.getByRole("checkbox", { name: "Support", exact: true }).check();
    await form.getByRole("button", { name: "Send invitation" }).click();
    const url = await admin.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(url).toMatch(/\/invite\/[\w-]{40,}$/);
    await expect(userRow(watcher, name)).toContainText("Invited");
    return url;
  });

  const invitee = await browser.newContext({ baseURL: urls.web });
  const tab = await invitee.newPage();
  await test.step("the invitee sets a password and signs in", async () => {
    await tab.goto(link);
    await expect(tab.getByRole("heading", { name: /^Join .* on Switchboard$/ })).toBeVisible();
    await tab.getByLabel("New password", { exact: true }).fill("short");
    await tab.getByRole("button", { name: "Join" }).click();
    await expect(tab.getByText("password must be at least 10 characters")).toBeVisible();
    await tab.getByLabel("New password", { exact: true }).fill(password);
    await tab.getByLabel("Repeat new password", { exact: true }).fill(password);
    await tab.getByRole("button", { name: "Join" }).click();
    await expect(tab.getByRole("status").filter({ hasText: "Your password is set. Sign in with it." })).toBeVisible();
    await expect(tab.getByLabel("Email")).toHaveValue(email);
    await tab.getByLabel("Password").fill(password);
    await tab.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(nav(tab).getByRole("link", { name: "Calls", exact: true })).toBeVisible();
    // The second admin tab saw them become active.
    await expect(userRow(watcher, name)).toContainText("Active");
  });

  await test.step("the link works once", async () => {
    const again = await invitee.newPage();
    await again.goto(link);
    await expect(again.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
    await expect(again.getByText("This link was already used.")).toBeVisible();
    await again.close();
  });

  await test.step("demoted to customer, their open tab says so and loses the staff pages without a reload", async () => {
    await tab.goto("/calls");
    await expect(tab.getByRole("heading", { level: 1, name: "Calls" })).toBeVisible();
    await expect(tab.getByRole("banner").getByRole("status")).toHaveText("Live");
    await tab.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await userRow(admin, name).getByRole("link", { name }).click();
    // The users list has a "Role" filter too: wait for the user's own page before choosing one.
    await expect(admin.getByRole("form", { name: `Edit ${name}` })).toBeVisible();
    await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Customer" });
    await admin.getByRole("button", { name: "Save changes" }).click();

    await expect(toast(tab, "Your access changed — reloading")).toBeVisible();
    await expect(nav(tab).getByRole("link", { name: "Calls", exact: true })).toHaveCount(0);
    await expect(tab.getByText("You don't have access to this page")).toBeVisible();
    expect(await tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(userRow(watcher, name)).toContainText("Customer");
  });

  await test.step("deactivated, their open tab is signed out and told why", async () => {
    await admin.getByRole("button", { name: "Deactivate" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(tab).toHaveURL(/\/login\?.*error=AccountDeactivated/);
    await expect(tab.getByRole("alert").filter({ hasText: "Your account was deactivated." })).toBeVisible();
    await expect(userRow(watcher, name)).toContainText("Deactivated");
  });
  await invitee.close();
});

test("pages before sign-in refuse what they must: setup once set up, dead links, foreign redirects and invented errors", async ({ page }) => {
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Switchboard is set up" })).toBeVisible();
  await page.goto("/invite/not-a-real-link-but-long-enough-to-look-like-one");
  await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await page.goto("/reset-password/%3Cscript%3E");
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await page.goto("/login?error=Call%20us%20at%20%2B1%20555%200100&callbackUrl=https%3A%2F%2Fevil.example%2F");
  await expect(page.getByRole("alert").filter({ hasText: "Signing in failed. Please try again." })).toBeVisible();
  await expect(page.getByText("Call us at")).toHaveCount(0);
});
