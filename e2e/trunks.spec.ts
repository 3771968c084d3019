import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { deleteThroughUi, fillTrunkForm, navigate, row, table, toast, uniqueSuffix } from "./fixtures/console";

async function trunkTotal(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/v1/trunks?pageSize=1");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test("an admin creates, finds, edits and deletes a trunk through the console", async ({ page, loginAs }) => {
  const suffix = uniqueSuffix();
  const name = `E2E carrier ${suffix}`;
  const host = `sip-${suffix}.e2e.example.net`;
  const newHost = `sip2-${suffix}.e2e.example.net`;
  const secret = `e2e-trunk-secret-${uniqueSuffix()}-Wk`;

  await loginAs(page, "admin");
  await navigate(page, "Trunks");
  const before = await trunkTotal(page.request);

  await test.step("invalid input is explained under each field and nothing is written", async () => {
    await page.getByRole("link", { name: "New trunk" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "New trunk" })).toBeVisible();
    await fillTrunkForm(page, { port: "70000", maxChannels: "0", secret: "short" });
    await page.getByRole("button", { name: "Create trunk" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/name is required/i);
    await expect(page.getByLabel("Host", { exact: true })).toHaveAccessibleDescription(/host is required/i);
    await expect(page.getByLabel("Port", { exact: true })).toHaveAccessibleDescription(/port must be 1–65535/i);
    await expect(page.getByLabel("Max channels", { exact: true })).toHaveAccessibleDescription(/max channels must be at least 1/i);
    await expect(page.getByLabel("Secret", { exact: true })).toHaveAccessibleDescription(/secret must be at least 8 characters/i);
    for (const label of ["Name", "Host", "Port", "Max channels", "Secret"]) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("aria-invalid", "true");
    }
    await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
    await expect(page).toHaveURL(/\/trunks\/new$/);
    expect(await trunkTotal(page.request)).toBe(before);
  });

  await test.step("a name that is taken is named under Name, and nothing is written", async () => {
    await fillTrunkForm(page, { name: "Carrier A", host, port: "5061", maxChannels: "12", secret });
    await page.getByRole("button", { name: "Create trunk" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/a trunk with this name already exists/i);
    await expect(page.getByLabel("Host", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/trunks\/new$/);
    expect(await trunkTotal(page.request)).toBe(before);
  });

  await test.step("with a free name it is created and listed, showing only the secret's hint", async () => {
    await fillTrunkForm(page, { name });
    await page.getByRole("button", { name: "Create trunk" }).click();
    await expect(toast(page, `Trunk ${name} created`)).toBeVisible();
    await expect(page).toHaveURL(/\/trunks$/);
    const created = row(page, "Trunks", name);
    await expect(created).toContainText(host);
    await expect(created).toContainText("5061");
    await expect(created).toContainText(`••••••${secret.slice(-2)}`);
    expect(await trunkTotal(page.request)).toBe(before + 1);
  });

  await test.step("search, sort and filter the table", async () => {
    const search = page.getByRole("searchbox", { name: "Search trunks" });
    await search.fill(host);
    await expect(table(page, "Trunks").getByRole("rowheader")).toHaveText([name]);
    await search.fill(`no-such-trunk-${uniqueSuffix()}`);
    await expect(page.getByText("No trunks match your search or filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(row(page, "Trunks", "Carrier A")).toBeVisible();

    const nameHeader = page.getByRole("columnheader", { name: "Name", exact: true });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await nameHeader.getByRole("button").click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    // "SIP provider TLS" and "Carrier A" are demo trunks: descending puts the first above the second.
    const names = (await table(page, "Trunks").getByRole("rowheader").allTextContents()).map((text) => text.trim());
    expect(names.indexOf("SIP provider TLS")).toBeLessThan(names.indexOf("Carrier A"));

    await page.getByRole("search").getByLabel("Transport").selectOption({ label: "TLS" });
    await expect(row(page, "Trunks", "SIP provider TLS")).toBeVisible();
    await expect(row(page, "Trunks", name)).toHaveCount(0);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(row(page, "Trunks", name)).toBeVisible();
  });

  let id = "";
  await test.step("edit: the host changes, the secret stays hidden", async () => {
    await page.getByRole("link", { name: `Edit trunk ${name}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit trunk ${name}` })).toBeVisible();
    id = /\/trunks\/([^/]+)\/edit$/.exec(page.url())?.[1] ?? "";
    expect(id).not.toBe("");
    await expect(page.getByLabel("Host", { exact: true })).toHaveValue(host);
    await expect(page.getByLabel("Secret", { exact: true })).toHaveValue("");
    expect(await page.content()).not.toContain(secret);
    await fillTrunkForm(page, { host: "not a host!" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByLabel("Host", { exact: true })).toHaveAccessibleDescription(/host must be a hostname or IP address/i);
    await fillTrunkForm(page, { host: newHost });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(toast(page, `Trunk ${name} updated`)).toBeVisible();
    await expect(page).toHaveURL(/\/trunks$/);
    await expect(row(page, "Trunks", name)).toContainText(newHost);
    await expect(row(page, "Trunks", name)).toContainText(`••••••${secret.slice(-2)}`);
  });

  await test.step("the secret is in no page or API response, only its hint", async () => {
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByText(secret)).toHaveCount(0);
    const body = await (await page.request.get(`/api/v1/trunks/${id}`)).text();
    expect(body).not.toContain(secret);
    expect(JSON.parse(body)).toMatchObject({
      data: { name, host: newHost, secretHint: `••••••${secret.slice(-2)}` }
    });
  });

  await test.step("delete asks first; Cancel keeps the trunk, Delete removes it", async () => {
    await page.getByRole("button", { name: `Delete trunk ${name}`, exact: true }).click();
    const dialog = page.getByRole("alertdialog", {
      name: `Delete trunk ${name}?`
    });
    await expect(dialog).toContainText(newHost);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, "Trunks", name)).toBeVisible();

    await deleteThroughUi(page, "trunk", name);
    await expect(row(page, "Trunks", name)).toHaveCount(0);
    expect((await page.request.get(`/api/v1/trunks/${id}`)).status()).toBe(404);
    expect(await trunkTotal(page.request)).toBe(before);
  });
});
