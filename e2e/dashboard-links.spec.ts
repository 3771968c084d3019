import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Today in the demo organization's time zone, as the calls filters take it (YYYY-MM-DD). */
async function orgToday(page: Page): Promise<string> {
  const href = await page.getByRole("link", { name: /missed today, show the list$/ }).getAttribute("href");
  const day = new URL(href ?? "", "http://x").searchParams.get("from");
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return day ?? "";
}

test("the dashboard's figures open the lists they count, filtered", async ({ page, loginAs }) => {
  await loginAs(page, "admin");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const today = await orgToday(page);

  await test.step("missed calls today: the calls list with the missed filter and today's date", async () => {
    await page.getByRole("link", { name: /missed today, show the list$/ }).click();
    await expect(page).toHaveURL(`/calls?result=missed&from=${today}&to=${today}`);
    await expect(page.getByLabel("Result")).toHaveValue("missed");
    await expect(page.getByLabel("From date")).toHaveValue(today);
    await expect(page.getByLabel("To date")).toHaveValue(today);
  });

  await test.step("open tickets: the ticket list filtered to open ones", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: /^\d+ open tickets, show the list$/ }).click();
    await expect(page).toHaveURL("/tickets?status=open");
    await expect(page.getByLabel("Status")).toHaveValue("open");
  });

  await test.step("trunks: the trunk list", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: /^\d+ trunks, show the list$/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Trunks" })).toBeVisible();
  });
});

test("an agent's call figures count their own extension, and link to its calls", async ({ page, loginAs }) => {
  await loginAs(page, "agent");
  await expect(page.getByRole("heading", { level: 2, name: /^Your calls \(extension 102\)/ })).toBeVisible();
  const today = await orgToday(page);
  await page.getByRole("link", { name: /calls today, show the list$/ }).click();
  await expect(page).toHaveURL(`/calls?extension=102&from=${today}&to=${today}`);
  await expect(page.getByLabel("Extension")).toHaveValue("102");
  await page.goto("/");
  await page.getByRole("link", { name: /open, assigned to you, show the list$/ }).click();
  await expect(page).toHaveURL("/tickets?status=open&mine=true");
});
