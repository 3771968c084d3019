import { DEMO_PASSWORD, demoAccounts, expect, test } from "./fixtures";
import { LIVE, navigate, row, uniqueExtensionNumber, uniqueSuffix } from "./fixtures/console";

test("a wrong password is refused on /login with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoAccounts.admin);
  await page.getByLabel("Password").fill(`wrong-${uniqueSuffix()}`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  // The form is usable again for the next attempt.
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
});

test("an admin signs in, sees their name in the header, signs out, and is kept out afterwards", async ({ page }) => {
  await test.step("a protected page sends the visitor to /login, and signing in returns there", async () => {
    await page.goto("/extensions");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fextensions$/);
    await page.getByLabel("Email").fill(demoAccounts.admin);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Password hashing is deliberately slow; a busy machine takes longer than the default limit.
    await expect(page).toHaveURL(/\/extensions$/, LIVE);
    await expect(page.getByRole("heading", { level: 1, name: "Extensions" })).toBeVisible();
  });

  const header = page.getByRole("banner");
  await expect(header.getByText("Ada Admin", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(header.getByText("Admin", { exact: true }).filter({ visible: true })).toBeVisible();

  await test.step("sign out returns to /login", async () => {
    await header.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByRole("heading", { name: "Sign in to Switchboard" })).toBeVisible();
  });

  await test.step("afterwards every protected page redirects to /login and the API answers 401", async () => {
    for (const path of ["/", "/extensions", "/trunks", "/settings"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login(\?|$)/);
    }
    expect((await page.request.get("/api/v1/extensions")).status()).toBe(401);
  });
});

test("an agent reads extensions and trunks but cannot change them, in the UI or through the API", async ({ page, loginAs }) => {
  await loginAs(page, "agent");
  await expect(page.getByRole("banner").getByText("Ana Agent", { exact: true }).filter({ visible: true })).toBeVisible();

  await test.step("extensions are listed read-only", async () => {
    await navigate(page, "Extensions");
    await expect(page.getByText("(read-only for your role)")).toBeVisible();
    await expect(row(page, "Extensions", "100")).toBeVisible();
    await expect(page.getByRole("link", { name: "New extension" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Edit extension/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete extension/ })).toHaveCount(0);
    await page.goto("/extensions/new");
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create extension" })).toHaveCount(0);
  });

  await test.step("trunks are listed read-only", async () => {
    await navigate(page, "Trunks");
    await expect(row(page, "Trunks", "Carrier A")).toBeVisible();
    await expect(page.getByRole("link", { name: "New trunk" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Edit trunk/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete trunk/ })).toHaveCount(0);
  });

  await test.step("the API refuses the agent's writes with 403 and changes nothing", async () => {
    const number = uniqueExtensionNumber();
    const create = await page.request.post("/api/v1/extensions", {
      data: {
        number,
        displayName: "Agent's desk",
        sipUsername: `e2e${number}`,
        sipSecret: "agent-secret-123456"
      }
    });
    expect(create.status()).toBe(403);
    expect(await create.json()).toMatchObject({ error: { code: "forbidden" } });

    const list = (await (await page.request.get("/api/v1/extensions?pageSize=200")).json()) as {
      data: { id: string; number: string; displayName: string }[];
    };
    expect(list.data.map((e) => e.number)).not.toContain(number);
    const reception = list.data.find((e) => e.number === "100");
    expect(reception).toBeDefined();
    const id = reception?.id ?? "";

    const patch = await page.request.patch(`/api/v1/extensions/${id}`, {
      data: { displayName: "Hijacked" }
    });
    expect(patch.status()).toBe(403);
    const remove = await page.request.delete(`/api/v1/extensions/${id}`);
    expect(remove.status()).toBe(403);
    const trunk = await page.request.post("/api/v1/trunks", {
      data: { name: `Agent trunk ${uniqueSuffix()}`, host: "sip.example.net" }
    });
    expect(trunk.status()).toBe(403);

    const after = await page.request.get(`/api/v1/extensions/${id}`);
    expect(after.status()).toBe(200);
    expect(await after.json()).toMatchObject({
      data: { number: "100", displayName: reception?.displayName }
    });
  });
});

test("a supervisor may change extensions but not trunks", async ({ page, loginAs }) => {
  await loginAs(page, "supervisor");
  await navigate(page, "Extensions");
  await expect(page.getByRole("link", { name: "New extension" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit extension 100", exact: true })).toBeVisible();
  await navigate(page, "Trunks");
  await expect(page.getByText("(read-only for your role)")).toBeVisible();
  await expect(page.getByRole("link", { name: "New trunk" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete trunk/ })).toHaveCount(0);
});
