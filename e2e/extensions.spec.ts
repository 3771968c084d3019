import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { deleteThroughUi, fillExtensionForm, navigate, row, table, toast, uniqueExtensionNumber, uniqueSuffix } from "./fixtures/console";

async function extensionTotal(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/v1/extensions?pageSize=1");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

/** Row headers (extension numbers) of the table's current page, top to bottom. */
async function numbersInTable(page: Page): Promise<number[]> {
  return (await table(page, "Extensions").getByRole("rowheader").allTextContents()).map((text) => Number(text.trim()));
}

const sorted = (values: number[], direction: 1 | -1) => [...values].sort((a, b) => direction * (a - b));

test("an admin creates, finds, edits and deletes an extension through the console", async ({ page, loginAs }) => {
  const number = uniqueExtensionNumber();
  const displayName = `E2E desk ${uniqueSuffix()}`;
  const renamed = `${displayName} (moved)`;
  const secret = `e2e-secret-${uniqueSuffix()}-Qz`;

  await loginAs(page, "admin");
  await navigate(page, "Extensions");
  const before = await extensionTotal(page.request);

  await test.step("an empty form shows an error under each required field and writes nothing", async () => {
    await page.getByRole("link", { name: "New extension" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "New extension" })).toBeVisible();
    await page.getByRole("button", { name: "Create extension" }).click();
    await expect(page.getByLabel("Number", { exact: true })).toHaveAccessibleDescription(/number must be 2 to 8 digits/i);
    await expect(page.getByLabel("Display name", { exact: true })).toHaveAccessibleDescription(/display name is required/i);
    await expect(page.getByLabel("SIP username", { exact: true })).toHaveAccessibleDescription(/SIP username is required/i);
    await expect(page.getByLabel("SIP secret", { exact: true })).toHaveAccessibleDescription(/SIP secret must be at least 12 characters/i);
    for (const label of ["Number", "Display name", "SIP username", "SIP secret"]) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("aria-invalid", "true");
    }
    // The first invalid field gets focus, so keyboard users land on it.
    await expect(page.getByLabel("Number", { exact: true })).toBeFocused();
    await expect(page).toHaveURL(/\/extensions\/new$/);
    expect(await extensionTotal(page.request)).toBe(before);
  });

  await test.step("a number that is taken is named under Number, and nothing is written", async () => {
    await fillExtensionForm(page, {
      number: "100",
      displayName,
      sipUsername: `e2e${number}`,
      sipSecret: secret,
      transport: "TLS",
      enabled: false
    });
    await page.getByRole("button", { name: "Create extension" }).click();
    await expect(page.getByLabel("Number", { exact: true })).toHaveAccessibleDescription(/an extension with this number already exists/i);
    await expect(page.getByLabel("Number", { exact: true })).toHaveAttribute("aria-invalid", "true");
    // The other fields passed: no error under them.
    await expect(page.getByLabel("Display name", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/extensions\/new$/);
    expect(await extensionTotal(page.request)).toBe(before);
  });

  await test.step("with a free number it is created and listed, showing only the secret's hint", async () => {
    await fillExtensionForm(page, { number });
    await page.getByRole("button", { name: "Create extension" }).click();
    await expect(toast(page, `Extension ${number} created`)).toBeVisible();
    await expect(page).toHaveURL(/\/extensions$/);
    const created = row(page, "Extensions", number);
    await expect(created).toContainText(displayName);
    await expect(created).toContainText("TLS");
    await expect(created).toContainText("Disabled");
    await expect(created).toContainText(`••••••${secret.slice(-2)}`);
    expect(await extensionTotal(page.request)).toBe(before + 1);
  });

  await test.step("search, sort and filter the table", async () => {
    const search = page.getByRole("searchbox", { name: "Search extensions" });
    await search.fill(displayName.toUpperCase());
    await expect(table(page, "Extensions").getByRole("rowheader")).toHaveText([number]);
    await expect(page.getByText("Showing 1–1 of 1 extensions")).toBeVisible();
    await search.fill(`no-such-extension-${uniqueSuffix()}`);
    await expect(page.getByText("No extensions match your search or filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(search).toHaveValue("");
    await expect(row(page, "Extensions", "100")).toBeVisible();

    const numberHeader = page.getByRole("columnheader", { name: "Number", exact: true });
    await expect(numberHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await numbersInTable(page);
    expect(ascending).toEqual(sorted(ascending, 1));
    await numberHeader.getByRole("button").click();
    await expect(numberHeader).toHaveAttribute("aria-sort", "descending");
    // Numbers sort as numbers: the 8-digit one comes before the demo's 3-digit ones.
    await expect(table(page, "Extensions").getByRole("rowheader").first()).toHaveText(String(Math.max(...ascending)));
    const descending = await numbersInTable(page);
    expect(descending).toEqual(sorted(descending, -1));

    const filters = page.getByRole("search");
    await filters.getByLabel("Transport").selectOption({ label: "TLS" });
    await expect(row(page, "Extensions", number)).toBeVisible();
    await expect(row(page, "Extensions", "100")).toHaveCount(0);
    await filters.getByLabel("Transport").selectOption({ label: "All transports" });
    await filters.getByLabel("Enabled").selectOption({ label: "Disabled" });
    await expect(row(page, "Extensions", number)).toBeVisible();
    await expect(row(page, "Extensions", "100")).toHaveCount(0);
    await filters.getByLabel("Enabled").selectOption({ label: "Enabled" });
    await expect(row(page, "Extensions", number)).toHaveCount(0);
    await expect(row(page, "Extensions", "100")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(row(page, "Extensions", number)).toBeVisible();
  });

  let id = "";
  await test.step("edit: the display name changes, the secret stays hidden", async () => {
    await page.getByRole("link", { name: `Edit extension ${number}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit extension ${number}` })).toBeVisible();
    id = /\/extensions\/([^/]+)\/edit$/.exec(page.url())?.[1] ?? "";
    expect(id).not.toBe("");
    await expect(page.getByLabel("Display name", { exact: true })).toHaveValue(displayName);
    await expect(page.getByLabel("SIP secret", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("SIP secret", { exact: true })).toHaveAccessibleDescription(
      `Leave blank to keep the current secret (ends in ${secret.slice(-2)}).`
    );
    expect(await page.content()).not.toContain(secret);
    await fillExtensionForm(page, { displayName: renamed });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(toast(page, `Extension ${number} updated`)).toBeVisible();
    await expect(page).toHaveURL(/\/extensions$/);
    await expect(row(page, "Extensions", number)).toContainText(renamed);
    await expect(row(page, "Extensions", number)).toContainText(`••••••${secret.slice(-2)}`);
  });

  await test.step("the SIP secret is in no page or API response, only its hint", async () => {
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByText(secret)).toHaveCount(0);
    const response = await page.request.get(`/api/v1/extensions/${id}`);
    const body = await response.text();
    expect(body).not.toContain(secret);
    expect(JSON.parse(body)).toMatchObject({
      data: {
        number,
        displayName: renamed,
        sipSecretHint: `••••••${secret.slice(-2)}`
      }
    });
  });

  await test.step("delete asks first; Cancel keeps the extension, Delete removes it", async () => {
    await page.getByRole("button", { name: `Delete extension ${number}`, exact: true }).click();
    const dialog = page.getByRole("alertdialog", {
      name: `Delete extension ${number}?`
    });
    await expect(dialog).toContainText(renamed);
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, "Extensions", number)).toBeVisible();

    await deleteThroughUi(page, "extension", number);
    await expect(row(page, "Extensions", number)).toHaveCount(0);
    expect((await page.request.get(`/api/v1/extensions/${id}`)).status()).toBe(404);
    expect(await extensionTotal(page.request)).toBe(before);
  });
});
