import { expect, test } from "./fixtures";

test("the login page renders its form", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("an anonymous visitor of / is sent to /login", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login(\?|$)/);
});

test("a demo admin signs in and reaches the console", async ({ page, loginAs }) => {
  await loginAs(page, "admin");
  await expect(page).not.toHaveURL(/\/login/);
});
