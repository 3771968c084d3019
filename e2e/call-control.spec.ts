import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { connectionStatus, toast, uniqueSuffix } from "./fixtures/console";
import { connectDemoToFakeAmi, inboundCall, startFakeAmi } from "./fixtures/fake-pbx";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

function activeCall(page: Page, caller: string): Locator {
  return page.getByRole("table", { name: "Active calls" }).getByRole("row").filter({ hasText: caller });
}
function recentCall(page: Page, caller: string): Locator {
  return page.getByRole("table", { name: "Recent calls" }).getByRole("row").filter({ hasText: caller });
}
/** Opens the row's actions menu and chooses an item. */
async function rowAction(page: Page, caller: string, item: string): Promise<void> {
  await activeCall(page, caller)
    .getByRole("button", { name: `Actions for the call from ${caller}` })
    .click();
  await page.getByRole("menu").getByRole("menuitem", { name: item, exact: true }).click();
}

test("a supervisor hangs up and transfers a live call from the board's row menu; errors say why", async ({ browser, page: admin, loginAs, stack, urls }) => {
  test.setTimeout(90_000);
  const ami = await startFakeAmi();
  const supervisorContext = await browser.newContext({ baseURL: urls.web });
  const supervisor = await supervisorContext.newPage();
  const notifications = supervisor.getByRole("region", { name: /^Notifications/ });
  try {
    await loginAs(supervisor, "supervisor");
    await supervisor.goto("/calls");
    await expect(connectionStatus(supervisor)).toHaveText("Live", { timeout: 15_000 });

    await test.step("a call the PBX is not connected for: PBX not connected", async () => {
      const pbx = await createPbxWebhookClient(stack);
      const caller = `Webhook caller ${uniqueSuffix()}`;
      const callId = await pbx.startCall({ from: { number: "+15550001", name: caller }, to: "102" });
      await pbx.answer(callId, "102");
      await rowAction(supervisor, caller, "Hang up");
      const message = `Could not hang up the call from ${caller}: PBX not connected`;
      const failed = toast(supervisor, message);
      await expect(failed).toBeVisible({ timeout: 15_000 });
      // Read, the user closes it: it sits over the top rows' menus for 10 s otherwise.
      await notifications.getByRole("listitem").filter({ hasText: message }).getByRole("button", { name: "Close toast" }).click();
      await expect(failed).toHaveCount(0);
      await pbx.end(callId);
    });

    await test.step("an admin connects the demo organization to the PBX", async () => {
      await loginAs(admin, "admin");
      await connectDemoToFakeAmi(admin, ami);
    });

    const caller = `AMI caller ${uniqueSuffix()}`;
    const row = activeCall(supervisor, caller);
    await test.step("the PBX's call appears on the board, answered", async () => {
      await ami.replay(inboundCall(caller, "answered").text);
      await expect(row.getByText("Answered", { exact: true })).toBeVisible();
    });

    const transfer = supervisor.getByRole("dialog", { name: `Transfer the call from ${caller}` });
    const search = transfer.getByRole("combobox", { name: "Transfer to extension" });
    await test.step("transfer to a number that is no extension is refused and sends nothing", async () => {
      await rowAction(supervisor, caller, "Transfer…");
      await expect(search).toBeFocused();
      await search.fill("999");
      await expect(transfer.getByRole("option")).toHaveCount(0);
      await search.press("Enter");
      await expect(transfer.getByRole("alert")).toHaveText("no such extension 999");
      await expect(search).toHaveAttribute("aria-invalid", "true");
      expect(ami.actions.filter((a) => a.action === "BlindTransfer")).toEqual([]);
    });

    await test.step("the popover searches extensions by name; choosing 103 reaches the PBX as a blind transfer of the answering leg", async () => {
      await search.fill("bo ag");
      await expect(transfer.getByRole("option")).toHaveCount(1);
      await transfer.getByRole("option", { name: /103/ }).click();
      await expect(toast(supervisor, "Call transferred to 103")).toBeVisible();
      await expect(transfer).toHaveCount(0);
      expect(ami.actions.filter((a) => a.action === "BlindTransfer")).toEqual([expect.objectContaining({ channel: "PJSIP/102-00000002", exten: "103" })]);
    });

    await test.step("hang-up is undoable for 5 s: Undo sends nothing", async () => {
      await rowAction(supervisor, caller, "Hang up");
      await expect(notifications.getByText(`Hanging up the call from ${caller}`)).toBeVisible();
      await expect(notifications.getByRole("timer", { name: "Hang-up sent in" })).toContainText(/Sent in [1-5] s/);
      await notifications.getByRole("button", { name: "Undo" }).click();
      await expect(toast(supervisor, "Hang-up cancelled")).toBeVisible();
      expect(ami.actions.filter((a) => a.action === "Hangup")).toEqual([]);
      await expect(row).toBeVisible();
    });

    await test.step("hang up: after the countdown both legs are hung up and the call moves to recent calls", async () => {
      await rowAction(supervisor, caller, "Hang up");
      await expect(toast(supervisor, "Call hung up")).toBeVisible({ timeout: 15_000 });
      await expect(row).toHaveCount(0);
      await expect(recentCall(supervisor, caller)).toBeVisible();
      expect(ami.actions.filter((a) => a.action === "Hangup").map((a) => a.channel)).toEqual(["PJSIP/carrier-a-00000001", "PJSIP/102-00000002"]);
    });
  } finally {
    await supervisorContext.close();
    await ami.close();
  }
});
