import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pbxConnectionInputSchema } from "@switchboard/contracts";
import { DomainError, parseInput, type ActingViewer } from "@switchboard/db";
import { createOrganization } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { EgressGuard, EGRESS_REFUSED_MESSAGE, type Resolver } from "@switchboard/egress";
import { getPbxIntegration, rotatePbxWebhookSecret, savePbxConnection } from "./pbx-integration-settings";

let t: TestDatabase;

/** Names resolve as DNS would say: *.example.net to a public address, loopback.example.net to 127.0.0.1. */
const resolver: Resolver = async (host) => [{ address: host.startsWith("loopback.") ? "127.0.0.1" : "93.184.216.34", family: 4 }];
const egress = new EgressGuard({ allowPrivate: false, ownServices: [] }, resolver);
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await t?.drop();
});

describe("PBX integration settings", () => {
  it("admins save the AMI connection (secret sealed, only its hint shown) and rotate the webhook secret", async () => {
    const org = await createOrganization(t.database.client);
    const admin: ActingViewer = { id: "00000000-0000-4000-8000-000000000001", orgId: org.id, role: "admin", name: "Ada" };
    const deps = { db: t.database.client, box: t.box, egress };
    // As the settings form's server action does: parse, then save.
    const save = (input: unknown) => Promise.resolve().then(() => savePbxConnection(deps, admin, parseInput(pbxConnectionInputSchema, input)));
    await expect(save({ host: "pbx.example.net", username: "switchboard" })).rejects.toMatchObject({
      code: "bad_request",
      fields: { secret: "secret is required" }
    });
    const saved = await save({ host: "pbx.example.net", username: "switchboard", secret: "s3cret-ami-pass" });
    expect(saved).toMatchObject({ host: "pbx.example.net", port: 5038, secretHint: "••••••ss", status: "connecting" });
    const row = await t.database.raw.pbxConnection.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(t.box.open(row.secretEnc)).toBe("s3cret-ami-pass");
    // Unchanged settings keep the connector's status; changed ones start over at "connecting".
    await t.database.raw.pbxConnection.update({ where: { organizationId: org.id }, data: { status: "auth_failed", lastError: "authentication failed" } });
    expect(await save({ host: "pbx.example.net", username: "switchboard" })).toMatchObject({ status: "auth_failed" });
    expect(await save({ host: "pbx2.example.net", username: "switchboard", secret: "" })).toMatchObject({
      status: "connecting",
      lastError: null
    });
    expect(await save({ host: "pbx2.example.net", username: "switchboard", enabled: false })).toMatchObject({
      status: "disconnected"
    });
    expect(t.box.open((await t.database.raw.pbxConnection.findUniqueOrThrow({ where: { organizationId: org.id } })).secretEnc)).toBe("s3cret-ami-pass");

    const { secret, path } = await rotatePbxWebhookSecret(deps, admin);
    const view = await getPbxIntegration(deps, admin);
    expect(view.ami?.host).toBe("pbx2.example.net");
    expect(view.webhook?.path).toBe(path);
    expect(JSON.stringify(view)).not.toContain(secret);
    // The activity log records who set up the integration and who rotated its secret; never the secret.
    await rotatePbxWebhookSecret(deps, admin);
    const events = await t.database.raw.outboxEvent.findMany({ where: { organizationId: org.id, subjectKind: "pbx_webhook" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["pbx_webhook.created", admin.id],
      ["pbx_webhook.rotated", admin.id]
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain("whsec_");

    const supervisor: ActingViewer = { ...admin, role: "supervisor" };
    await expect(getPbxIntegration(deps, supervisor)).rejects.toBeInstanceOf(DomainError);
    await expect(save({ host: "bad host!", username: "x", port: 70000 })).rejects.toMatchObject({
      fields: { host: expect.any(String), port: "port must be 1–65535" }
    });
  });
});

describe("the dial context transfers and pick-ups are dialled in", () => {
  it("is saved without reconnecting, kept when a save leaves it out, cleared when emptied, and refused when it could not be a context", async () => {
    const org = await createOrganization(t.database.client);
    const admin: ActingViewer = { id: "00000000-0000-4000-8000-000000000001", orgId: org.id, role: "admin", name: "Ada" };
    const deps = { db: t.database.client, box: t.box, egress };
    const save = (input: object) =>
      Promise.resolve().then(() =>
        savePbxConnection(deps, admin, parseInput(pbxConnectionInputSchema, { host: "pbx.example.net", username: "switchboard", ...input }))
      );
    expect(await save({ secret: "s3cret-ami-pass", dialContext: " acme.example.com " })).toMatchObject({ dialContext: "acme.example.com" });
    await t.database.raw.pbxConnection.update({ where: { organizationId: org.id }, data: { status: "connected" } });
    expect(await save({ dialContext: "from-internal" })).toMatchObject({ dialContext: "from-internal", status: "connected" });
    expect(await save({})).toMatchObject({ dialContext: "from-internal" });
    expect(await save({ dialContext: "" })).toMatchObject({ dialContext: null });
    for (const dialContext of ["from internal", "ctx\r\nAction: Originate", "x".repeat(81)])
      await expect(save({ dialContext })).rejects.toMatchObject({
        fields: { dialContext: "dial context must be 1–80 letters, digits, dots, dashes or underscores" }
      });
    expect((await getPbxIntegration(deps, admin)).ami?.dialContext).toBeNull();
  });
});

describe("AMI host: the same destinations refused as for webhooks, with the same one message", () => {
  it.each(["127.0.0.1", "::1", "10.1.2.3", "169.254.169.254", "loopback.example.net"])("refuses %s", async (host) => {
    const org = await createOrganization(t.database.client);
    const admin: ActingViewer = { id: "00000000-0000-4000-8000-000000000002", orgId: org.id, role: "admin", name: "Ada" };
    const save = savePbxConnection(
      { db: t.database.client, box: t.box, egress },
      admin,
      parseInput(pbxConnectionInputSchema, { host, username: "sb", secret: "s3cret-ami-pass" })
    );
    await expect(save).rejects.toMatchObject({ code: "bad_request", fields: { host: EGRESS_REFUSED_MESSAGE } });
    expect(await t.database.client.pbxConnection.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("an on-premises install that allows private addresses may use its LAN PBX", async () => {
    const org = await createOrganization(t.database.client);
    const admin: ActingViewer = { id: "00000000-0000-4000-8000-000000000003", orgId: org.id, role: "admin", name: "Ada" };
    const onPrem = new EgressGuard({ allowPrivate: true, ownServices: [] });
    const saved = await savePbxConnection(
      { db: t.database.client, box: t.box, egress: onPrem },
      admin,
      parseInput(pbxConnectionInputSchema, { host: "10.1.2.3", username: "sb", secret: "s3cret-ami-pass" })
    );
    expect(saved.host).toBe("10.1.2.3");
    await expect(
      savePbxConnection(
        { db: t.database.client, box: t.box, egress: onPrem },
        admin,
        parseInput(pbxConnectionInputSchema, { host: "169.254.169.254", username: "sb", secret: "s3cret-ami-pass" })
      )
    ).rejects.toMatchObject({ fields: { host: EGRESS_REFUSED_MESSAGE } });
  });
});
