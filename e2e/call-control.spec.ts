import type { Locator, Page } from "@playwright/test";
import { FakeAmiServer, readFixture } from "@switchboard/pbx/testing";
import { expect, test } from "./fixtures";
import { connectionStatus, uniqueSuffix } from "./fixtures/console";
import { createPbxWebhookClient } from "./fixtures/pbx-webhook";

const AMI_USER = "switchboard";
const AMI_SECRET = "call-control-ami-secret";

function activeCall(page: Page, caller: string): Locator {
  return page.getByRole("table", { name: "Active calls" }).getByRole("row").filter({ hasText: caller });
}
function recentCall(page: Page, caller: string): Locator {
  return page.getByRole("table", { name: "Recent calls" }).getByRole("row").filter({ hasText: caller });
}
function toast(page: Page, text: string): Locator {
  return page.getByRole("region", { name: /^Notifications/ }).getByText(text, { exact: true });
}

/**
 * The documented inbound call (trunk carrier-a → extension 102), answered and bridged, as the PBX
 * would send it now: its caller renamed so this run finds its own row, its times moved to today.
 */
function answeredInboundCall(caller: string): string {
  const fixture = readFixture("inbound-basic.ami");
  const shift = Math.floor(Date.now() / 1000) - 1767261600 - 5;
  return fixture
    .slice(0, fixture.indexOf("Event: BridgeLeave"))
    .replaceAll("Jane Caller", caller)
    .replace(/Timestamp: (\d+)\.(\d+)/g, (_m, seconds: string, fraction: string) => `Timestamp: ${Number(seconds) + shift}.${fraction}`);
}

test("a supervisor hangs up and transfers a live call from the board; errors say why", async ({ browser, page: admin, loginAs, stack, urls }) => {
  test.setTimeout(90_000);
  const ami = await FakeAmiServer.start({ username: AMI_USER, secret: AMI_SECRET });
  const supervisorContext = await browser.newContext({ baseURL: urls.web });
  const supervisor = await supervisorContext.newPage();
  try {
    await loginAs(supervisor, "supervisor");
    await supervisor.goto("/calls");
    await expect(connectionStatus(supervisor)).toHaveText("Live", { timeout: 15_000 });

    await test.step("a call the PBX is not connected for: PBX not connected", async () => {
      const pbx = await createPbxWebhookClient(stack);
      const caller = `Webhook caller ${uniqueSuffix()}`;
      const callId = await pbx.startCall({ from: { number: "+15550001", name: caller }, to: "102" });
      await pbx.answer(callId, "102");
      await activeCall(supervisor, caller).getByRole("button", { name: "Hang up" }).click();
      await expect(activeCall(supervisor, caller).getByRole("alert")).toHaveText("PBX not connected");
      await pbx.end(callId);
    });

    await test.step("an admin connects the demo organization to the PBX", async () => {
      await loginAs(admin, "admin");
      await admin.goto("/settings");
      const form = admin.getByRole("form", { name: "AMI connection" });
      await form.getByLabel("AMI host").fill("127.0.0.1");
      await form.getByLabel("AMI port").fill(String(ami.port));
      await form.getByLabel("AMI username").fill(AMI_USER);
      await form.getByLabel("AMI secret").fill(AMI_SECRET);
      await form.getByLabel("Connect to this PBX").check();
      await form.getByRole("button", { name: "Save AMI connection" }).click();
      await expect(admin.getByRole("region", { name: "PBX integration" }).getByRole("status")).toHaveText("Connected", { timeout: 15_000 });
    });

    const caller = `AMI caller ${uniqueSuffix()}`;
    const row = activeCall(supervisor, caller);
    await test.step("the PBX's call appears on the board, answered", async () => {
      await ami.replay(answeredInboundCall(caller));
      await expect(row.getByText("Answered", { exact: true })).toBeVisible();
    });

    await test.step("transfer to a number that is no extension is refused and sends nothing", async () => {
      await row.getByLabel("Transfer to extension").fill("999");
      await row.getByRole("button", { name: "Transfer" }).click();
      await expect(row.getByRole("alert")).toHaveText("no such extension 999");
      await expect(row.getByLabel("Transfer to extension")).toHaveAttribute("aria-invalid", "true");
      expect(ami.actions.filter((a) => a.action === "BlindTransfer")).toEqual([]);
    });

    await test.step("transfer to 103 reaches the PBX as a blind transfer of the answering leg", async () => {
      await row.getByLabel("Transfer to extension").fill("103");
      await row.getByRole("button", { name: "Transfer" }).click();
      await expect(toast(supervisor, "Call transferred to 103")).toBeVisible();
      expect(ami.actions.filter((a) => a.action === "BlindTransfer")).toEqual([expect.objectContaining({ channel: "PJSIP/102-00000002", exten: "103" })]);
    });

    await test.step("hang up: both legs are hung up and the call moves to recent calls", async () => {
      await row.getByRole("button", { name: "Hang up" }).click();
      await expect(toast(supervisor, "Call hung up")).toBeVisible();
      await expect(row).toHaveCount(0);
      await expect(recentCall(supervisor, caller)).toBeVisible();
      expect(ami.actions.filter((a) => a.action === "Hangup").map((a) => a.channel)).toEqual(["PJSIP/carrier-a-00000001", "PJSIP/102-00000002"]);
    });
  } finally {
    await supervisorContext.close();
    await ami.close();
  }
});
