import type { Browser, Page } from "@playwright/test";
import { expect, test, type DemoAccount, type LoginAs } from "./fixtures";
import { connectionStatus, toast, uniqueSuffix } from "./fixtures/console";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

/**
 * The helpdesk, seen by several people at once (one browser context each). Nothing is
 * reloaded unless a step says so: replies, notes, changes and inbox entries arrive live.
 */

async function signedIn(browser: Browser, baseURL: string, loginAs: LoginAs, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await loginAs(page, account);
  return page;
}

/** The customer opens a ticket for the Support office through the form; returns its page path and T-number. */
async function openTicketAsCustomer(customer: Page, subject: string): Promise<{ path: string; publicId: string }> {
  await customer.goto("/tickets/new");
  await expect(customer.getByRole("heading", { level: 1, name: "New ticket" })).toBeVisible();
  // Customers get the reduced form: no priority, assignee or office controls for staff.
  await expect(customer.getByLabel("Priority")).toHaveCount(0);
  await expect(customer.getByLabel("Assignee")).toHaveCount(0);
  await customer.getByLabel("Subject").fill(subject);
  await customer.getByLabel("Description").fill("The voicemail portal rejects my PIN since this morning.");
  await customer.getByLabel("Department").selectOption({ label: "Support" });
  await customer.getByRole("button", { name: "Create ticket" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const publicId =
    (await customer
      .getByText(/^T-\d+$/)
      .first()
      .textContent()) ?? "";
  expect(publicId).toMatch(/^T-\d+$/);
  await expect(toast(customer, `Ticket ${publicId} created`)).toBeVisible();
  return { path: new URL(customer.url()).pathname, publicId };
}

const reply = (page: Page, author: string, text: string) => page.getByRole("article", { name: `Reply by ${author}` }).filter({ hasText: text });
const note = (page: Page, author: string, text: string) => page.getByRole("article", { name: `Internal note by ${author}` }).filter({ hasText: text });

async function unreadCount(page: Page): Promise<number> {
  const name = (await page.getByRole("link", { name: /^Notifications, / }).getAttribute("aria-label")) ?? "";
  const match = /(\d+) unread/.exec(name);
  return match?.[1] ? Number(match[1]) : 0;
}

test("agent and customer on one ticket: replies arrive live, internal notes never reach the customer, even after a reload", async ({
  browser,
  loginAs,
  urls
}) => {
  test.setTimeout(120_000);
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const subject = `PIN rejected ${uniqueSuffix()}`;
  const { path } = await openTicketAsCustomer(customer, subject);
  const unreadBefore = await unreadCount(customer);

  await agent.goto(path);
  await expect(agent.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  for (const page of [customer, agent]) await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
  // Collision detection is for staff: the customer neither sees who is there nor shows up for the agent.
  await expect(customer.getByRole("region", { name: "Also on this ticket" })).toHaveCount(0);
  await expect(agent.getByRole("region", { name: "Also on this ticket" })).not.toContainText("Cara");
  // The customer has no way to write an internal note.
  await expect(customer.getByRole("radio", { name: "Internal note" })).toHaveCount(0);

  await test.step("the agent's reply appears on the customer's screen without a reload", async () => {
    await agent.getByLabel("Message").fill("I reset your PIN; a text with a temporary one is on its way.");
    await agent.getByRole("button", { name: "Send reply" }).click();
    await expect(reply(customer, "Ana Agent", "I reset your PIN")).toBeVisible();
    const publicId = await agent
      .getByText(/^T-\d+$/)
      .first()
      .textContent();
    await expect(toast(customer, `Ana Agent replied on ${publicId}`)).toBeVisible();
    // One's own change never toasts back.
    await expect(toast(agent, "Reply sent")).toBeVisible();
    await expect(toast(agent, `Ana Agent replied on ${publicId}`)).toHaveCount(0);
  });

  const secret = `Third lockout this month ${uniqueSuffix()}`;
  await test.step("an internal note is labelled for staff and never shown to the customer", async () => {
    await agent.getByRole("radio", { name: "Internal note" }).check();
    await agent.getByLabel("Message").fill(secret);
    await agent.getByRole("button", { name: "Add internal note" }).click();
    await expect(note(agent, "Ana Agent", secret)).toBeVisible();
    await expect(note(agent, "Ana Agent", secret).getByText("Internal note — staff only")).toBeVisible();
    // Events arrive in commit order: once the next public reply is on the customer's screen, the note had its chance.
    await agent.getByLabel("Message").fill("Could you try signing in again?");
    await agent.getByRole("button", { name: "Send reply" }).click();
    await expect(reply(customer, "Ana Agent", "Could you try signing in again?")).toBeVisible();
    await expect(customer.getByText(secret)).toHaveCount(0);
    await expect(customer.getByText("Internal note")).toHaveCount(0);
    // Each public reply put an entry in the customer's inbox; the note did not.
    await expect(customer.getByRole("link", { name: `Notifications, ${unreadBefore + 2} unread` })).toBeVisible();
  });

  await test.step("after a reload the customer still sees the replies and still not the note", async () => {
    await customer.reload();
    await expect(reply(customer, "Ana Agent", "Could you try signing in again?")).toBeVisible();
    await expect(customer.getByText(secret)).toHaveCount(0);
    await agent.reload();
    await expect(note(agent, "Ana Agent", secret)).toBeVisible();
  });

  await test.step("the customer's answer reaches the agent live", async () => {
    await customer.getByLabel("Your reply").fill("It works again, thank you!");
    await customer.getByRole("button", { name: "Send reply" }).click();
    await expect(reply(agent, "Cara Customer", "It works again")).toBeVisible();
  });
});

test("a reply that arrives while you are writing shows the traffic-cop banner before you send", async ({ browser, loginAs, urls }) => {
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const { path } = await openTicketAsCustomer(customer, `Hold music ${uniqueSuffix()}`);
  await agent.goto(path);
  for (const page of [customer, agent]) await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });

  await agent.getByLabel("Message").fill("Let me check the recording levels first…");
  await expect(agent.getByRole("alert").filter({ hasText: "replied while you were writing" })).toHaveCount(0);

  await customer.getByLabel("Your reply").fill("Also, it starts far too loud.");
  await customer.getByRole("button", { name: "Send reply" }).click();

  const banner = agent.getByRole("alert").filter({ hasText: "Cara Customer replied while you were writing." });
  await expect(banner).toBeVisible();
  await expect(reply(agent, "Cara Customer", "it starts far too loud")).toBeVisible();
  // The draft is untouched; the banner goes once it was read.
  await expect(agent.getByLabel("Message")).toHaveValue("Let me check the recording levels first…");
  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(banner).toHaveCount(0);
});

test("an empty reply is refused with a clear message and writes nothing", async ({ page, loginAs }) => {
  await loginAs(page, "customer");
  const { path } = await openTicketAsCustomer(page, `Empty reply ${uniqueSuffix()}`);
  await page.getByLabel("Your reply").fill("   ");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("reply must not be empty")).toBeVisible();
  await expect(page.getByLabel("Your reply")).toHaveAttribute("aria-invalid", "true");
  await page.goto(path);
  await expect(page.getByRole("article", { name: /^Reply by / })).toHaveCount(0);
});

test("new tickets appear in the agent's list live; assigning one puts it in the assignee's inbox live", async ({ browser, loginAs, urls }) => {
  test.setTimeout(120_000);
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const supervisor = await signedIn(browser, urls.web, loginAs, "supervisor");

  await agent.goto("/tickets");
  await expect(agent.getByRole("table", { name: "Tickets" })).toBeVisible();
  await expect(connectionStatus(agent)).toHaveText("Live", { timeout: 15_000 });
  const before = await unreadCount(agent);

  const subject = `Echo on trunk ${uniqueSuffix()}`;
  const { path, publicId } = await openTicketAsCustomer(customer, subject);
  const row = agent
    .getByRole("table", { name: "Tickets" })
    .getByRole("row")
    .filter({ has: agent.getByRole("rowheader", { name: publicId, exact: true }) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: subject })).toBeVisible();
  await expect(row).toContainText("Unassigned");
  await expect(toast(agent, `Cara Customer opened ticket ${publicId}`)).toBeVisible();

  await supervisor.goto(path);
  // Who is on each ticket shows in the list (collision detection, from features/ticket-presence).
  await expect(row).toContainText("Sam is viewing");
  await supervisor.getByLabel("Assignee").selectOption({ label: "Ana Agent" });
  await supervisor.getByLabel("Priority").selectOption({ label: "Urgent" });
  await supervisor.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(supervisor, `Ticket ${publicId} updated`)).toBeVisible();
  await expect(supervisor.getByRole("list", { name: "Activity trail" })).toContainText("Sam Supervisor assigned the ticket to Ana Agent");

  await test.step("a closed ticket refuses other changes with a clear message", async () => {
    await supervisor.getByLabel("Status").selectOption({ label: "Closed" });
    await supervisor.getByRole("button", { name: "Save changes" }).click();
    await expect(supervisor.getByRole("list", { name: "Activity trail" })).toContainText("Sam Supervisor changed the status from Open to Closed");
    await supervisor.getByLabel("Priority").selectOption({ label: "Low" });
    await supervisor.getByRole("button", { name: "Save changes" }).click();
    await expect(supervisor.getByRole("alert").filter({ hasText: "reopen it before changing it" })).toBeVisible();
    await expect(supervisor.getByLabel("Ticket details")).toContainText("Urgent");
  });

  // The agent's list row and header badge change in place, no reload.
  await expect(row).toContainText("Ana Agent");
  await expect(row).toContainText("Urgent");
  await expect(agent.getByRole("link", { name: `Notifications, ${before + 1} unread` })).toBeVisible();
  await expect(agent.getByTestId("unread-count")).toHaveText(String(before + 1));

  await agent.getByRole("link", { name: /^Notifications, / }).click();
  await expect(agent.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const entry = agent
    .getByRole("list", { name: "Inbox" })
    .getByRole("listitem")
    .filter({ hasText: `Sam Supervisor assigned ${publicId} to you` });
  await expect(entry).toBeVisible();
  await entry.getByRole("button", { name: `Mark read: Sam Supervisor assigned ${publicId} to you` }).click();
  await expect(entry.getByText("Read", { exact: true })).toBeVisible();
  await expect(agent.getByRole("link", { name: before === 0 ? "Notifications, none unread" : `Notifications, ${before} unread` })).toBeVisible();

  const markAll = agent.getByRole("button", { name: "Mark all as read" });
  if (before > 0) {
    await markAll.click();
    await expect(agent.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
  }
  await expect(markAll).toBeDisabled();
  await expect(agent.getByText("You are all caught up.")).toBeVisible();
});

test("a ticket opened from a call on the live board is prefilled, linked to the call and appears live for the customer it is for", async ({
  browser,
  loginAs,
  stack,
  urls
}) => {
  test.setTimeout(120_000);
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  await customer.goto("/tickets");
  await expect(connectionStatus(customer)).toHaveText("Live", { timeout: 15_000 });

  const caller = `Jo Caller ${uniqueSuffix()}`;
  const number = `+1555${String(Date.now()).slice(-7)}`;
  const pbx = await createPbxWebhookClient(stack);
  await pbx.startCall({ from: { number, name: caller }, to: "102", trunk: "carrier-a" });

  await agent.goto("/calls");
  await agent.getByRole("button", { name: `Actions for the call from ${caller}` }).click();
  await agent.getByRole("menu").getByRole("menuitem", { name: "Create ticket" }).click();
  await expect(agent.getByRole("heading", { level: 1, name: "New ticket" })).toBeVisible();
  await expect(agent.getByText(`From the call with ${caller}`)).toBeVisible();
  const subject = `Call from ${caller} (${number})`;
  await expect(agent.getByLabel("Subject")).toHaveValue(subject);
  await expect(agent.getByLabel("Description")).toHaveValue(new RegExp(`Caller: ${caller}`));
  await agent.getByLabel("Customer").selectOption({ label: "Cara Customer (customer@demo.test)" });
  await agent.getByLabel("Office").selectOption({ label: "Support" });
  await agent.getByRole("button", { name: "Create ticket" }).click();

  await expect(agent.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const linkedCall = agent.getByLabel("Ticket details").getByRole("link", { name: new RegExp(caller) });
  await expect(linkedCall).toHaveAttribute("href", /^\/calls\/[0-9a-f-]{36}$/);
  // The customer it is for sees it arrive in their list, without a reload (and nothing about the call).
  const row = customer.getByRole("table", { name: "Tickets" }).getByRole("row").filter({ hasText: subject });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: subject }).click();
  await expect(customer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(customer.getByText("Linked call")).toHaveCount(0);
});

test("customers see only their own tickets: no staff filters, and another person's ticket does not exist for them", async ({ browser, loginAs, urls }) => {
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  // A demo ticket Ana opened for herself (no customer involved).
  await agent.goto("/tickets?q=Desk+phone+106");
  await agent.getByRole("link", { name: "Desk phone 106 reboots at random" }).click();
  await expect(agent.getByRole("heading", { level: 1, name: "Desk phone 106 reboots at random" })).toBeVisible();
  const othersTicket = new URL(agent.url()).pathname;

  await customer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tickets", exact: true }).click();
  await expect(customer.getByRole("heading", { level: 1, name: "Tickets" })).toBeVisible();
  await expect(customer.getByRole("link", { name: "Invoice shows the wrong number of seats" })).toBeVisible();
  for (const label of ["Priority", "Office", "Assignee", "Assigned to me"]) await expect(customer.getByLabel(label, { exact: true })).toHaveCount(0);
  // Filters apply as they change: no button to press.
  await customer.getByLabel("Search tickets").fill("Desk phone 106");
  await expect(customer).toHaveURL(/q=Desk\+phone\+106/);
  await expect(customer.getByText("No tickets match your search or filters.")).toBeVisible();

  await customer.goto(othersTicket);
  await expect(customer.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(customer.getByText("Desk phone 106")).toHaveCount(0);
  // A staff-only filter in the URL is refused with a message, not silently ignored.
  await customer.goto("/tickets?priority=urgent");
  await expect(customer.getByRole("alert").filter({ hasText: "priority" })).toContainText("only staff");
});
