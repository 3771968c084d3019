import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { WEBHOOK_HEADERS, type DomainEvent } from "@switchboard/contracts";
import { signatureMatches } from "@switchboard/pbx/webhook-signature";
import { toEnvelope, type ActingViewer, type OutboxEnvelopeRow } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, prng, type TestDatabase } from "@switchboard/db/testing";
import { createWebhook, getWebhook, updateWebhook } from "../src/index";
import { startIntegrationHarness, startReceiver, testSettings, type IntegrationHarness, type Receiver } from "../src/testing";

let t: TestDatabase;
let harness: IntegrationHarness;
let admin: ActingViewer;

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await createOrganization(t.database.client);
  const user = await createUser(t.database.client, org.id, { role: "admin", name: "Ada Admin" });
  admin = { id: user.id, orgId: org.id, role: "admin", name: user.name };
  // Endpoints give up after a minute, as an outage's retries must outlast a loaded machine; the test
  // of giving up shortens it for itself (the worker reads the setting at each failure).
  harness = await startIntegrationHarness(t.database, t.box, { settings: testSettings({ giveUpAfterMs: 60_000 }) });
});

afterAll(async () => {
  await harness?.stop();
  await t?.drop();
});

const db = () => t.database.client;

/** What the receiver got, checked: every signature valid, parsed. */
function received(receiver: Receiver, secret: string): DomainEvent[] {
  return receiver.requests.map((r) => {
    const timestamp = String(r.headers[WEBHOOK_HEADERS.timestamp]);
    expect(signatureMatches(secret, timestamp, r.body, String(r.headers[WEBHOOK_HEADERS.signature]))).toBe(true);
    const event = JSON.parse(r.body) as DomainEvent;
    expect(r.headers[WEBHOOK_HEADERS.eventId]).toBe(event.id);
    return event;
  });
}

async function outboxSince(seq: number, types: ReadonlySet<string>): Promise<DomainEvent[]> {
  const rows = await db().$queryRawUnsafe<OutboxEnvelopeRow[]>(
    `SELECT id::text AS "id", organization_id::text AS "organizationId", seq, type, actor_id::text AS "actorId", actor_name AS "actorName",
            subject_kind AS "subjectKind", subject_id AS "subjectId", data, created_at AS "createdAt"
       FROM outbox_events WHERE organization_id = $1::uuid AND seq > $2 ORDER BY seq`,
    admin.orgId,
    seq
  );
  return rows.map(toEnvelope).filter((e) => types.has(e.type));
}

/** 300 random extension and trunk changes, some in parallel, some rolled back. */
async function randomChanges(count: number, seed: number): Promise<void> {
  const rand = prng(seed);
  const live: string[] = [];
  let n = 0;
  for (let i = 0; i < count; i++) {
    const roll = rand.next();
    if (roll < 0.4 || live.length === 0) {
      n++;
      const number = String(2000 + n);
      const row = await db().extension.create({
        data: {
          organizationId: admin.orgId,
          number,
          displayName: `Desk ${number}`,
          sipUsername: `u${number}`,
          sipSecretEnc: t.box.seal("secret-secret-1"),
          sipSecretHint: "••1"
        }
      });
      live.push(row.id);
    } else if (roll < 0.7) {
      await db().extension.update({ where: { id: rand.pick(live) }, data: { displayName: `Renamed ${i}` } });
    } else if (roll < 0.8) {
      const id = rand.pick(live);
      live.splice(live.indexOf(id), 1);
      await db().extension.delete({ where: { id } });
    } else if (roll < 0.9) {
      await db().trunk.create({ data: { organizationId: admin.orgId, name: `trunk-${i}`, host: "sip.example.com" } });
    } else {
      // Rolled back: must never be delivered.
      await db()
        .$transaction(async (tx) => {
          await tx.extension.update({ where: { id: rand.pick(live) }, data: { displayName: "never committed" } });
          throw new Error("rollback");
        })
        .catch(() => undefined);
    }
  }
}

describe("outgoing webhooks against a real receiver", () => {
  it("300 random changes: exactly the matching events, in seq order, each signed", async () => {
    const receiver = await startReceiver();
    const types = ["extension.created", "extension.updated", "extension.deleted"];
    const { webhook, secret } = await createWebhook(harness.deps, admin, { url: receiver.url, description: "", eventTypes: types, enabled: true });
    await randomChanges(300, 7);
    const expected = await outboxSince(webhook.position, new Set(types));
    expect(expected.length).toBeGreaterThan(200);
    await expect.poll(() => receiver.requests.length, { timeout: 60_000, interval: 200 }).toBe(expected.length);
    const got = received(receiver, secret);
    expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(got.every((e) => e.data && JSON.stringify(e.data).includes("never committed") === false)).toBe(true);
    const seqs = got.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    await receiver.close();
  }, 120_000);

  it("receiver down for a while, then back: everything delivered, in order, none missing", async () => {
    const receiver = await startReceiver();
    const { webhook, secret } = await createWebhook(harness.deps, admin, { url: receiver.url, description: "", eventTypes: ["trunk.created"], enabled: true });
    await receiver.down();
    for (let i = 0; i < 20; i++) await db().trunk.create({ data: { organizationId: admin.orgId, name: `outage-${i}`, host: "sip.example.com" } });
    // Failures are recorded while it is down.
    await expect.poll(() => db().webhookDelivery.count({ where: { endpointId: webhook.id, ok: false } }), { timeout: 20_000 }).toBeGreaterThan(1);
    await receiver.up();
    for (let i = 20; i < 25; i++) await db().trunk.create({ data: { organizationId: admin.orgId, name: `outage-${i}`, host: "sip.example.com" } });
    const expected = await outboxSince(webhook.position, new Set(["trunk.created"]));
    expect(expected).toHaveLength(25);
    await expect.poll(() => new Set(received(receiver, secret).map((e) => e.id)).size, { timeout: 60_000, interval: 200 }).toBe(25);
    const got = received(receiver, secret);
    // At least once, in order: no duplicates are needed here since the receiver was unreachable, not slow.
    expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect((await getWebhook(harness.deps, admin, webhook.id)).consecutiveFailures).toBe(0);
    await receiver.close();
  }, 120_000);

  it("a receiver that answers 500 forever: retried with backoff, then disabled and every admin notified", async () => {
    const { webhook: settings } = harness.deps.settings;
    const giveUpAfterMs = settings.giveUpAfterMs;
    settings.giveUpAfterMs = 4000;
    onTestFinished(() => {
      settings.giveUpAfterMs = giveUpAfterMs;
    });
    const receiver = await startReceiver();
    receiver.answer((_req, _body, res) => res.writeHead(500).end("internal error at the receiver"));
    const other = await createUser(db(), admin.orgId, { role: "admin" });
    const { webhook } = await createWebhook(harness.deps, admin, { url: receiver.url, description: "", eventTypes: ["trunk.updated"], enabled: true });
    const trunk = await db().trunk.create({ data: { organizationId: admin.orgId, name: "flaky", host: "sip.example.com" } });
    await db().trunk.update({ where: { id: trunk.id }, data: { maxChannels: 5 } });
    await expect.poll(async () => (await getWebhook(harness.deps, admin, webhook.id)).enabled, { timeout: 60_000, interval: 250 }).toBe(false);
    const deliveries = await db().webhookDelivery.findMany({ where: { endpointId: webhook.id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.length).toBeGreaterThanOrEqual(3);
    expect(deliveries.map((d) => d.attempt)).toEqual(deliveries.map((_d, i) => i + 1));
    expect(deliveries.every((d) => !d.ok && d.statusCode === 500 && d.responseExcerpt === "internal error at the receiver")).toBe(true);
    // Backoff: the queue waits at least the first delay (1 s) between attempts, more as they repeat (capped at 2 s).
    const gaps = deliveries.slice(1).map((d, i) => d.createdAt.getTime() - (deliveries[i]?.createdAt.getTime() ?? 0));
    expect(gaps.every((g) => g >= 900)).toBe(true);
    const view = await getWebhook(harness.deps, admin, webhook.id);
    expect(view.disabledReason).toMatch(/failing for .*HTTP 500/);
    const notes = await db().notification.findMany({ where: { webhookEndpointId: webhook.id }, orderBy: { userId: "asc" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([admin.id, other.id].sort());
    expect(notes.every((n) => n.kind === "webhook_disabled")).toBe(true);
    // Turned back on, it resumes where it stopped once the receiver is fixed.
    receiver.answer((_req, _body, res) => res.end("ok"));
    await updateWebhook(harness.deps, admin, webhook.id, { enabled: true });
    await expect
      .poll(() => receiver.requests.filter((r) => r.headers[WEBHOOK_HEADERS.eventType] === "trunk.updated").length > deliveries.length, { timeout: 30_000 })
      .toBe(true);
    await receiver.close();
  }, 120_000);
});
