import pg from "pg";
import { expect, test } from "./fixtures";
import { signedIn, toast, uniqueSuffix } from "./fixtures/console";
import { openTicketAsCustomer, slaFact } from "./fixtures/tickets";

/** The demo organization's targets back at their defaults, whatever the test left: other specs count on them. */
async function resetTargets(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE organizations SET sla_urgent_hours = 4, sla_high_hours = 8, sla_normal_hours = 24, sla_low_hours = 72");
  } finally {
    await client.end();
  }
}

test("an admin sets the ticket response targets: impossible ones are refused by name, and new tickets are due by them", async ({
  browser,
  loginAs,
  urls,
  stack
}) => {
  const admin = await signedIn(browser, urls.web, loginAs, "admin");
  const customer = await signedIn(browser, urls.web, loginAs, "customer");
  try {
    await admin.goto("/settings");
    const form = admin.getByRole("form", { name: "Ticket response targets" });
    await expect(form.getByLabel("Normal (hours)")).toHaveValue("24");

    await test.step("a more urgent priority may not wait longer than a less urgent one", async () => {
      await form.getByLabel("High (hours)").fill("30");
      await form.getByRole("button", { name: "Save response targets" }).click();
      await expect(form.getByText("high target must not be longer than normal's (24 h)")).toBeVisible();
      await expect(form.getByLabel("High (hours)")).toHaveAttribute("aria-invalid", "true");
    });

    await test.step("saved targets are kept", async () => {
      await form.getByLabel("Urgent (hours)").fill("1");
      await form.getByLabel("High (hours)").fill("2");
      await form.getByLabel("Normal (hours)").fill("2");
      await form.getByRole("button", { name: "Save response targets" }).click();
      await expect(toast(admin, "Response targets saved")).toBeVisible();
      await admin.reload();
      await expect(form.getByLabel("Normal (hours)")).toHaveValue("2");
    });

    await test.step("a ticket opened now is due by the new target", async () => {
      const { path } = await openTicketAsCustomer(customer, `Fax line busy ${uniqueSuffix()}`);
      await admin.goto(path);
      await expect(slaFact(admin)).toHaveText(/due in 1h 5\dm/);
    });
  } finally {
    await resetTargets(stack.databaseUrl);
  }
});
