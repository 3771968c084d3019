import pg from "pg";
import type { Browser, Page } from "@playwright/test";
import { expect, test, type DemoAccount, type LoginAs } from "./fixtures";
import { connectionStatus, LIVE, toast, uniqueSuffix } from "./fixtures/console";
import { openTicketAsCustomer, slaFact } from "./fixtures/tickets";

/**
 * The agent's helpdesk tools: saved views with instant filters, the SLA countdown, the reply /
 * internal-note composer with @-mentions and canned replies, and keyboard shortcuts.
 */

async function signedIn(browser: Browser, baseURL: string, loginAs: LoginAs, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await loginAs(page, account);
  return page;
}

/** Moves a ticket's SLA due time (minutes from now, negative: past), as time passing would. */
async function setSlaDue(databaseUrl: string, subject: string, minutesFromNow: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query("UPDATE tickets SET sla_due_at = now() + make_interval(mins => $1) WHERE subject = $2", [minutesFromNow, subject]);
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

/** The count a saved view's link names, "Unassigned (3)" → 3. */
function viewCount(name: string | null): number {
  const count = /\((\d+)\)$/.exec(name ?? "")?.[1];
  if (count === undefined) throw new Error(`no count in the saved view's name: ${name}`);
  return Number(count);
}
const ticketRow = (page: Page, subject: string) => page.getByRole("table", { name: "Tickets" }).getByRole("row").filter({ hasText: subject });

test("saved views set the list's filters, filters apply as they change, and the list stays live", async ({ browser, loginAs, urls, stack }) => {
  test.setTimeout(120_000);
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const views = agent.getByRole("navigation", { name: "Saved views" });

  await agent.goto("/tickets");
  await expect(views.getByRole("link", { name: /^All tickets/ })).toHaveAttribute("aria-current", "page");
  for (const name of ["My open", "Unassigned", "Overdue", "Waiting on customer"])
    await expect(views.getByRole("link", { name: new RegExp(`^${name} \\(\\d+\\)$`) })).toBeVisible();

  await test.step("a view is a link that sets the URL filters, shown in the filter controls", async () => {
    await views.getByRole("link", { name: /^Waiting on customer/ }).click();
    await expect(agent).toHaveURL(/\/tickets\?status=pending$/);
    await expect(views.getByRole("link", { name: /^Waiting on customer/ })).toHaveAttribute("aria-current", "page");
    await expect(agent.getByLabel("Status", { exact: true })).toHaveValue("pending");
    await views.getByRole("link", { name: /^Unassigned/ }).click();
    await expect(agent).toHaveURL(/\/tickets\?status=open&assignee=none$/);
    await expect(agent.getByLabel("Assignee", { exact: true })).toHaveValue("none");
    await expect(agent.getByLabel("Status", { exact: true })).toHaveValue("open");
  });

  await test.step("changing a filter applies it at once; no button to press", async () => {
    await expect(agent.getByRole("button", { name: "Apply filters" })).toHaveCount(0);
    await agent.getByLabel("Priority", { exact: true }).selectOption({ label: "Normal" });
    await expect(agent).toHaveURL(/priority=normal/);
    // No longer exactly the Unassigned view.
    await expect(views.getByRole("link", { name: /^Unassigned/ })).not.toHaveAttribute("aria-current", "page");
    await agent.getByLabel("Search tickets").fill("no such ticket anywhere");
    await expect(agent).toHaveURL(/q=no\+such\+ticket\+anywhere/);
    await expect(agent.getByText("No tickets match your search or filters.")).toBeVisible();
    await agent.getByLabel("Search tickets").fill("");
    await expect(agent).not.toHaveURL(/q=/);
  });

  await test.step("a new unassigned ticket appears live in the filtered view, and the view's count goes up with it", async () => {
    const unassigned = views.getByRole("link", { name: /^Unassigned/ });
    const before = viewCount(await unassigned.getAttribute("aria-label"));
    const subject = `Dropped calls ${uniqueSuffix()}`;
    await openTicketAsCustomer(customer, subject);
    await expect(ticketRow(agent, subject)).toBeVisible(LIVE);
    await expect(unassigned).toHaveAccessibleName(`Unassigned (${before + 1})`, LIVE);
  });

  await test.step("the Overdue view lists tickets past their SLA, saying by how much", async () => {
    const subject = `Late fax ${uniqueSuffix()}`;
    await openTicketAsCustomer(customer, subject);
    await setSlaDue(stack.databaseUrl, subject, -12);
    await agent.goto("/tickets");
    await views.getByRole("link", { name: /^Overdue/ }).click();
    await expect(agent).toHaveURL(/\/tickets\?overdue=true$/);
    await expect(agent.getByRole("checkbox", { name: "Overdue" })).toBeChecked();
    await expect(ticketRow(agent, subject)).toContainText(/overdue by 1[23]m/);
  });
});

test("the SLA counts down live, turns to at risk under an hour and says when it is overdue", async ({ browser, loginAs, urls, stack }) => {
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const subject = `Hold music loops ${uniqueSuffix()}`;
  const { path } = await openTicketAsCustomer(customer, subject);
  // The customer never sees the SLA.
  await expect(customer.getByText(/due in|overdue by/)).toHaveCount(0);

  await agent.goto(`/tickets?q=${encodeURIComponent(subject)}`);
  await expect(ticketRow(agent, subject)).toContainText(/due in 23h 5\dm/);

  await setSlaDue(stack.databaseUrl, subject, 40);
  await agent.clock.install();
  await agent.goto(path);
  await expect(slaFact(agent)).toHaveText(/due in (39|40)m · at risk/);
  await agent.clock.fastForward("10:00");
  await expect(slaFact(agent)).toHaveText(/due in (29|30)m · at risk/);
  await agent.clock.fastForward("45:00");
  await expect(slaFact(agent)).toHaveText(/overdue by 1[45]m/);
});

test("a reply and an internal note look different, and the customer never sees the note", async ({ browser, loginAs, urls }) => {
  test.setTimeout(90_000);
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const { path } = await openTicketAsCustomer(customer, `Voicemail to email ${uniqueSuffix()}`);
  await agent.goto(path);

  const mode = agent.getByRole("radiogroup", { name: "Compose as" });
  await expect(mode.getByRole("radio", { name: "Reply" })).toBeChecked();
  await expect(agent.getByRole("form", { name: "Reply" })).toBeVisible();
  await expect(agent.getByText("Only staff can see this")).toHaveCount(0);
  await expect(agent.getByRole("button", { name: "Send reply" })).toBeVisible();

  await mode.getByRole("radio", { name: "Internal note" }).check();
  await expect(agent.getByRole("form", { name: "Internal note" })).toBeVisible();
  await expect(agent.getByText("Only staff can see this")).toBeVisible();
  const secret = `Customer is on the legacy plan ${uniqueSuffix()}`;
  await agent.getByLabel("Message").fill(secret);
  await agent.getByRole("button", { name: "Add internal note" }).click();
  await expect(agent.getByRole("article", { name: "Internal note by Ana Agent" }).filter({ hasText: secret })).toBeVisible();

  await mode.getByRole("radio", { name: "Reply" }).check();
  await agent.getByLabel("Message").fill("We switched voicemail to email on.");
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(customer.getByRole("article", { name: "Reply by Ana Agent" }).filter({ hasText: "voicemail to email on" })).toBeVisible(LIVE);
  await expect(customer.getByText(secret)).toHaveCount(0);
  await expect(customer.getByRole("radiogroup", { name: "Compose as" })).toHaveCount(0);
  await customer.reload();
  await expect(customer.getByRole("article", { name: "Reply by Ana Agent" })).toBeVisible();
  await expect(customer.getByText(secret)).toHaveCount(0);
});

test("@-mentions are suggested and picked with the keyboard", async ({ browser, loginAs, urls }) => {
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const { path } = await openTicketAsCustomer(customer, `Caller ID wrong ${uniqueSuffix()}`);
  await agent.goto(path);

  const message = agent.getByLabel("Message");
  const suggestions = agent.getByRole("listbox", { name: "Mention a colleague" });
  await message.click();
  await message.pressSequentially("Thanks @a");
  await expect(suggestions).toBeVisible();
  const options = suggestions.getByRole("option");
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(message).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id")) ?? "missing");
  await message.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(message).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id")) ?? "missing");
  await message.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  // Escape closes the suggestions and keeps the text.
  await message.press("Escape");
  await expect(suggestions).toHaveCount(0);
  await expect(message).toHaveValue("Thanks @a");

  await message.fill("");
  await message.pressSequentially("Could @sam.s");
  await expect(options).toHaveText([/Sam Supervisor/]);
  await message.press("Enter");
  await expect(message).toHaveValue("Could @sam.supervisor ");
  await expect(suggestions).toHaveCount(0);
  // Bo works in Sales and cannot open this Support ticket: never suggested.
  await message.pressSequentially("and @bo");
  await expect(suggestions).toHaveCount(0);
  await message.fill("");
  await message.pressSequentially("@ana.ag");
  await message.press("Tab");
  await expect(message).toHaveValue("@ana.agent ");
});

test("supervisors manage canned replies; agents insert one with its placeholders filled", async ({ browser, loginAs, urls }) => {
  test.setTimeout(90_000);
  const supervisor = await signedIn(browser, urls.web, loginAs, "supervisor");
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const name = `Greeting ${uniqueSuffix()}`;

  await test.step("unknown placeholders are refused with their names", async () => {
    await supervisor.goto("/tickets");
    await supervisor.getByRole("link", { name: "Canned replies" }).click();
    await expect(supervisor.getByRole("heading", { level: 1, name: "Canned replies" })).toBeVisible();
    await supervisor.getByLabel("Name").fill(name);
    await supervisor.getByLabel("Text", { exact: true }).fill("Hi {{customer.nmae}}, about {{ticket.number}}");
    await supervisor.getByRole("button", { name: "Create canned reply" }).click();
    await expect(supervisor.getByText(/unknown placeholder \{\{customer\.nmae\}\}/)).toBeVisible();
    await expect(supervisor.getByRole("table", { name: "Canned replies" }).getByRole("rowheader", { name })).toHaveCount(0);
  });

  await test.step("a valid one is saved and listed", async () => {
    await supervisor.getByLabel("Text", { exact: true }).fill("Hi {{customer.name}}, about {{ticket.number}} — {{agent.name}}");
    await supervisor.getByRole("button", { name: "Create canned reply" }).click();
    await expect(toast(supervisor, `Canned reply ${name} created`)).toBeVisible();
    await expect(supervisor.getByRole("table", { name: "Canned replies" }).getByRole("rowheader", { name })).toBeVisible();
  });

  await test.step("an agent inserts it into the composer, filled in from the ticket", async () => {
    const { path, publicId } = await openTicketAsCustomer(customer, `Transfer fails ${uniqueSuffix()}`);
    await agent.goto(path);
    await agent.getByLabel("Message").fill("");
    await agent.getByLabel("Insert canned reply").selectOption({ label: name });
    await expect(agent.getByLabel("Message")).toHaveValue(`Hi Cara Customer, about ${publicId} — Ana Agent`);
  });

  await test.step("agents cannot manage canned replies", async () => {
    await agent.goto("/tickets/canned-replies");
    await expect(agent.getByText("You don't have access to this page")).toBeVisible();
  });
});

test("keyboard shortcuts: r, n, a on a ticket, j/k in the list and between tickets, ? lists them", async ({ browser, loginAs, urls }) => {
  test.setTimeout(90_000);
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  const agent = await signedIn(browser, urls.web, loginAs, "agent");
  const subject = `Shortcut test ${uniqueSuffix()}`;
  const { path } = await openTicketAsCustomer(customer, subject);
  const offices = (await (await agent.request.get("/api/v1/offices")).json()) as { data: { id: string; name: string }[] };
  const officeId = offices.data.find((o) => o.name === "Support")?.id;
  const created = await customer.request.post("/api/v1/tickets", { data: { subject: `${subject} again`, body: "And the fax too.", officeId } });
  expect(created.ok(), await created.text()).toBe(true);
  await agent.goto(path);
  await expect(agent.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  // Keys reach the page's shortcuts once it is running (its live connection is up), not while it only shows.
  await expect(connectionStatus(agent)).toHaveText("Live", LIVE);
  const message = agent.getByLabel("Message");
  const mode = agent.getByRole("radiogroup", { name: "Compose as" });

  await agent.keyboard.press("?");
  const help = agent.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const action of ["Reply to the customer", "Write an internal note", "Assign the ticket to me", "Next ticket of the list"])
    await expect(help.getByRole("cell", { name: action })).toBeVisible();
  await agent.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await agent.keyboard.press("n");
  await expect(mode.getByRole("radio", { name: "Internal note" })).toBeChecked();
  await expect(message).toBeFocused();
  // Typing in the box is typing, not shortcuts.
  await agent.keyboard.type("ran");
  await expect(message).toHaveValue("ran");
  await expect(mode.getByRole("radio", { name: "Internal note" })).toBeChecked();
  await message.blur();
  await agent.keyboard.press("r");
  await expect(mode.getByRole("radio", { name: "Reply" })).toBeChecked();
  await expect(message).toBeFocused();
  await message.blur();

  await agent.keyboard.press("a");
  await expect(toast(agent, "Assigned to you")).toBeVisible();
  await expect(agent.getByLabel("Ticket details")).toContainText("Ana Agent");

  // A list of just this test's two tickets, so others' tickets cannot move in between.
  await agent.goto(`/tickets?q=${encodeURIComponent(subject)}`);
  await expect(connectionStatus(agent)).toHaveText("Live", LIVE);
  const links = agent.getByRole("table", { name: "Tickets" }).getByRole("rowgroup").last().getByRole("link");
  await agent.keyboard.press("j");
  await expect(links.first()).toBeFocused();
  await agent.keyboard.press("j");
  await expect(links.nth(1)).toBeFocused();
  await agent.keyboard.press("k");
  await expect(links.first()).toBeFocused();
  const [first = "", second = ""] = await links.allTextContents();
  await agent.keyboard.press("Enter");
  await expect(agent.getByRole("heading", { level: 1, name: first, exact: true })).toBeVisible();

  // On a ticket, j and k open the next and previous ticket of the list it was opened from. A key
  // pressed as the page shows, before its shortcuts listen, is pressed again: j on the list's last
  // ticket and k on its first only say so, so a repeat never goes further.
  const openWith = (key: "j" | "k", name: string) =>
    expect(async () => {
      await agent.keyboard.press(key);
      await expect(agent.getByRole("heading", { level: 1, name, exact: true })).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  await openWith("j", second);
  await openWith("k", first);
});
