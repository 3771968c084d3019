import type { Browser, Page } from "@playwright/test";
import { expect, test, type DemoAccount, type LoginAs } from "./fixtures";
import { connectionStatus, uniqueSuffix } from "./fixtures/console";

/**
 * Collision detection with real browsers: Ana (agent, Support) and Sam (supervisor) on
 * the same Support ticket see each other viewing and replying; the customer sees neither; the
 * indicator goes when a tab closes and "replying…" ends by itself when typing stops.
 */

async function signedIn(browser: Browser, baseURL: string, loginAs: LoginAs, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await loginAs(page, account);
  return page;
}

const others = (page: Page) => page.getByRole("region", { name: "Also on this ticket" });

async function openTicket(page: Page, path: string, subject: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
}

test("two staff on one ticket see each other viewing and replying; the list shows them; the indicator leaves with the tab", async ({
  browser,
  loginAs,
  urls
}) => {
  test.setTimeout(120_000);
  const [customer, ana, sam, admin] = [
    await signedIn(browser, urls.web, loginAs, "customer"),
    await signedIn(browser, urls.web, loginAs, "agent"),
    await signedIn(browser, urls.web, loginAs, "supervisor"),
    await signedIn(browser, urls.web, loginAs, "admin")
  ];

  // A fresh Support ticket, so no other test's viewers are on it.
  const subject = `Collision check ${uniqueSuffix()}`;
  await customer.goto("/tickets/new");
  await customer.getByLabel("Subject").fill(subject);
  await customer.getByLabel("Description").fill("Two people should not answer this twice.");
  await customer.getByLabel("Department").selectOption({ label: "Support" });
  await customer.getByRole("button", { name: "Create ticket" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const path = new URL(customer.url()).pathname;

  await test.step("both see the other viewing", async () => {
    await openTicket(ana, path, subject);
    await openTicket(sam, path, subject);
    await expect(others(ana)).toContainText("Sam is viewing");
    await expect(others(sam)).toContainText("Ana is viewing");
    // Nobody is told about themselves.
    await expect(others(ana)).not.toContainText("Ana");
  });

  await test.step("typing shows as replying on the other side, and ends by itself", async () => {
    await sam.getByLabel("Message").pressSequentially("Looking into it", { delay: 40 });
    await expect(others(ana)).toContainText("Sam is replying…");
    // No more keystrokes: "replying…" runs out within the server's typing ttl (6 s) plus a heartbeat.
    await expect(others(ana)).toContainText("Sam is viewing", { timeout: 12_000 });
    await expect(others(ana)).not.toContainText("replying");
  });

  const listRow = () => admin.getByRole("row").filter({ hasText: subject });
  await test.step("the ticket list shows who is on the ticket", async () => {
    await admin.goto("/tickets");
    await expect(connectionStatus(admin)).toHaveText("Live", { timeout: 15_000 });
    await expect(listRow()).toContainText("Ana and Sam are viewing");
  });

  await test.step("the customer sees none of it", async () => {
    await customer.reload();
    await expect(customer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(connectionStatus(customer)).toHaveText("Live", { timeout: 15_000 });
    await expect(customer.getByText(/is viewing|is replying/)).toHaveCount(0);
  });

  await test.step("closing Sam's tab removes him within seconds", async () => {
    await ana.getByLabel("Message").pressSequentially("Me too", { delay: 40 });
    await expect(others(sam)).toContainText("Ana is replying…");
    await sam.context().close();
    await expect(others(ana)).not.toContainText("Sam", { timeout: 5_000 });
    await expect(listRow()).toContainText("Ana is replying…");
    await expect(listRow()).not.toContainText("Sam");
  });
});
