import pg from "pg";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, uniqueSuffix, LIVE } from "./fixtures/console";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";
import type { StackState } from "./support/stack-state";

/**
 * The demo organization's queue state comes from its PBX webhooks in this stack: an AMI connection
 * another spec may have left behind would own queue control (and be unreachable), so it is disabled.
 */
async function withoutAmiConnection(stack: StackState): Promise<void> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE pbx_connections SET enabled = false WHERE organization_id = (SELECT id FROM organizations WHERE slug = 'demo')");
  } finally {
    await client.end();
  }
}

function queueTile(page: Page, name: string): Locator {
  return page.getByRole("region", { name: `Queue ${name}` });
}

/** A figure of a queue tile: a group named by its label, reading "<label><value>[alarm]". */
function figure(tile: Locator, label: string): Locator {
  return tile.getByRole("group", { name: label, exact: true });
}

/** The figure's value as shown, after its label. */
async function valueOf(tile: Locator, label: string): Promise<string> {
  const text = (await figure(tile, label).textContent()) ?? "";
  return (
    text
      .slice(label.length)
      .match(/^[^A-Za-z]*/)?.[0]
      ?.trim() ?? ""
  );
}

const startsWith = (label: string, value: string) => new RegExp(`^${label}\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![0-9])`);

function agentRow(page: Page, name: string): Locator {
  return page
    .getByRole("table", { name: "Agents" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
}

async function openWallboard(page: Page): Promise<void> {
  await page.goto("/wallboard");
  await expect(page.getByRole("heading", { level: 1, name: "Wallboard" })).toBeVisible();
  await expect(connectionStatus(page)).toHaveText("Live", { timeout: 15_000 });
}

test("a caller waits on two wallboards with a ticking wait; an agent pauses for lunch in her tab; an abandon moves the figures on both", async ({
  browser,
  page: supervisor,
  loginAs,
  stack,
  urls
}) => {
  test.setTimeout(120_000);
  await withoutAmiConnection(stack);
  const pbx = await createPbxWebhookClient(stack);
  // The PBX says Ana (102) is signed in to her queues and not paused.
  await pbx.send("agent.status", { agent: "102", loggedIn: true, paused: false });

  const adminContext = await browser.newContext({ baseURL: urls.web });
  const agentContext = await browser.newContext({ baseURL: urls.web });
  const admin = await adminContext.newPage();
  const ana = await agentContext.newPage();
  try {
    await loginAs(supervisor, "supervisor");
    await loginAs(admin, "admin");
    await loginAs(ana, "agent");
    await openWallboard(supervisor);
    await openWallboard(admin);
    await expect(connectionStatus(ana)).toHaveText("Live", { timeout: 15_000 });
    const boards = [supervisor, admin];

    const suffix = uniqueSuffix();

    await test.step("an admin adds a pause reason: the agent's and the supervisor's pause menus offer it without a reload, and lose it when it is removed", async () => {
      const reason = `Training ${suffix}`;
      const queuesPage = await adminContext.newPage();
      await queuesPage.goto("/queues");
      await expect(connectionStatus(queuesPage)).toHaveText("Live", { timeout: 15_000 });
      await queuesPage.getByLabel("New pause reason").fill(reason);
      await queuesPage.getByRole("button", { name: "Add", exact: true }).click();
      const remove = queuesPage.getByRole("button", { name: `Remove pause reason ${reason}` });
      await expect(remove).toBeVisible();
      const supervisorMenu = agentRow(supervisor, "Ana Agent").getByLabel("Pause reason for Ana Agent");
      await expect(supervisorMenu.getByRole("option", { name: reason })).toHaveCount(1, LIVE);
      await ana.getByRole("button", { name: /^Queue status/ }).click();
      const anaMenu = ana.getByRole("group", { name: "Your queue status" }).getByLabel("Pause reason");
      await expect(anaMenu.getByRole("option", { name: reason })).toHaveCount(1, LIVE);

      await remove.click();
      await expect(anaMenu.getByRole("option", { name: reason })).toHaveCount(0, LIVE);
      await expect(supervisorMenu.getByRole("option", { name: reason })).toHaveCount(0, LIVE);
      await ana.keyboard.press("Escape");
      await queuesPage.close();
    });

    const answered = { queue: "support", callerId: `e2e-q-${suffix}-1`, from: { number: "+15550100", name: `Quick ${suffix}` } };
    const caller = { queue: "support", callerId: `e2e-q-${suffix}-2`, from: { number: "+15550101", name: `Jo Caller ${suffix}` } };

    await test.step("a caller answered within the service level: the service level is set", async () => {
      await pbx.send("queue.caller_joined", answered);
      await pbx.send("queue.caller_left", { queue: "support", callerId: answered.callerId, outcome: "answered", agent: "103" });
      for (const page of boards) await expect(figure(queueTile(page, "support"), "Answered today")).not.toHaveText(startsWith("Answered today", "0"));
    });

    const before = {
      abandoned: Number(await valueOf(queueTile(supervisor, "support"), "Abandoned today")),
      serviceLevel: await valueOf(queueTile(supervisor, "support"), "Service level today")
    };
    expect(before.serviceLevel).toMatch(/^\d+(\.\d)?%$/);

    await test.step("a simulated caller joins the queue and appears on both wallboards within a second, waiting time ticking", async () => {
      await pbx.send("queue.caller_joined", caller);
      await Promise.all(
        boards.map((page) => expect(queueTile(page, "support").getByRole("list", { name: "Callers waiting in support" })).toContainText(caller.from.name, LIVE))
      );
      const wait = supervisor.getByRole("timer", { name: `Waiting time of ${caller.from.name}` });
      const first = await wait.textContent();
      await expect(wait).not.toHaveText(first ?? "", { timeout: 5_000 });
      await expect(admin.getByRole("timer", { name: "Longest wait in support" })).toHaveText(/^\d+:\d\d$/);
    });

    await test.step("the agent pauses with Lunch in her tab; the supervisor's wallboard shows it and since when", async () => {
      await ana.getByRole("button", { name: /^Queue status/ }).click();
      const panel = ana.getByRole("group", { name: "Your queue status" });
      await panel.getByLabel("Pause reason").selectOption("Lunch");
      await panel.getByRole("button", { name: "Pause", exact: true }).click();
      await expect(ana.getByRole("button", { name: /^Queue status/ })).toContainText("Paused — Lunch");
      const row = agentRow(supervisor, "Ana Agent");
      await expect(row.getByRole("cell").filter({ hasText: "Paused — Lunch" })).toBeVisible();
      await expect(row.getByRole("timer", { name: "Time Ana Agent has been Paused — Lunch" })).toHaveText(/^0:0\d$/);
      await expect(agentRow(admin, "Ana Agent")).toContainText("Paused — Lunch");
    });

    await test.step("the caller abandons: the abandoned count and the service level move on both wallboards", async () => {
      await pbx.send("queue.caller_abandoned", { queue: "support", callerId: caller.callerId });
      for (const page of boards) {
        const tile = queueTile(page, "support");
        await expect(figure(tile, "Abandoned today")).toHaveText(startsWith("Abandoned today", String(before.abandoned + 1)), LIVE);
        await expect(figure(tile, "Service level today")).not.toHaveText(startsWith("Service level today", before.serviceLevel), LIVE);
        await expect(tile.getByRole("list", { name: "Callers waiting in support" })).toHaveCount(0);
      }
    });

    await test.step("the agent resumes; the wallboard agrees", async () => {
      await ana.getByRole("button", { name: /^Queue status/ }).click();
      await ana.getByRole("group", { name: "Your queue status" }).getByRole("button", { name: "Resume" }).click();
      await expect(agentRow(supervisor, "Ana Agent")).not.toContainText("Paused");
    });
  } finally {
    await adminContext.close();
    await agentContext.close();
  }
});

test("the TV wallboard fills the screen with no controls and nothing to scroll", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loginAs(page, "supervisor");
  await page.goto("/wallboard/tv");
  await expect(page.getByRole("region", { name: "Queue support" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth > window.innerWidth,
    y: document.documentElement.scrollHeight > window.innerHeight
  }));
  expect(overflow).toEqual({ x: false, y: false });
});
