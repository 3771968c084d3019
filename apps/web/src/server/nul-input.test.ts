import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NUL_MESSAGE } from "@switchboard/contracts";
import { createApiTestEnv, type ApiTestEnv } from "@/features/api/testing/api-test-env";

// The session is Next's (cookies of a request): stand in for it with the admin of a real database.
const session = vi.hoisted(() => ({ viewer: undefined as unknown }));
vi.mock("@/features/auth/server/require-viewer", () => ({ requireViewer: () => Promise.resolve(session.viewer) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createExtensionAction } = await import("@/features/extensions/actions/extension-actions");
const { createTicketAction } = await import("@/features/tickets/actions/ticket-actions");

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe("server actions given a NUL character", () => {
  it("answer a validation error naming the field, and write nothing", async () => {
    session.viewer = { ...env.admin.viewer, email: env.admin.user.email, sessionVersion: env.admin.user.sessionVersion };
    const before = await env.runtime.db.extension.count();
    const extension = await createExtensionAction({ number: "4501", displayName: "Desk\u0000", sipUsername: "ext4501", sipSecret: "secret-4501-long" });
    expect(extension).toEqual({
      ok: false,
      error: { code: "bad_request", message: `invalid input — displayName: ${NUL_MESSAGE}`, fields: { displayName: NUL_MESSAGE } }
    });
    expect(await env.runtime.db.extension.count()).toBe(before);

    session.viewer = { ...env.customer.viewer, email: env.customer.user.email, sessionVersion: env.customer.user.sessionVersion };
    const form = new FormData();
    form.set("subject", "Printer\u0000");
    form.set("body", "It is jammed");
    form.append("attachments", new File(["paper jam"], "jam\u0000.txt", { type: "text/plain" }));
    const ticket = await createTicketAction(form);
    expect(ticket).toMatchObject({ ok: false, error: { code: "bad_request", fields: { subject: NUL_MESSAGE, attachments: NUL_MESSAGE } } });
  });
});
