import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { handlePbxWebhook } from "./handle-pbx-webhook";
import { createPbxWebhook } from "./pbx-webhook-settings";
import { signWebhook } from "./webhook-signature";

let t: TestDatabase;
let publicId: string;
let secret: string;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  const { org } = await createPbxTestOrg(t.database.client, t.box);
  ({ publicId, secret } = await createPbxWebhook(t.database.client, t.box, org.id));
});
afterAll(async () => {
  await t?.drop();
});

const TYPES = [
  "call.started",
  "call.ringing",
  "call.answered",
  "call.held",
  "call.resumed",
  "call.transferred",
  "call.ended",
  "extension.status",
  "trunk.status",
  "queue.caller_joined",
  "queue.caller_left",
  "queue.caller_abandoned",
  "agent.status",
  "agent.call_completed"
];
const FIELDS = [
  "callId",
  "direction",
  "from",
  "to",
  "target",
  "by",
  "kind",
  "cause",
  "causeCode",
  "extension",
  "trunk",
  "registration",
  "queue",
  "agent",
  "callerId"
];

/** Strings that hurt: NUL and other control characters, lone surrogates, very long, numbers-as-text. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "\udfff x", "9".repeat(400), "102", "PJSIP/102", "inbound", "registered", " ", ""),
  fc.string({ maxLength: 2000 })
);
const party = fc.oneof(fc.record({ number: nasty, name: fc.option(nasty) }), fc.anything());
const value = fc.oneof(nasty, party, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.anything({ maxDepth: 2 }));

/** Schema-valid events whose texts are hostile: these reach the tracker and the database. */
const word = fc.oneof(nasty, fc.constantFrom("102", "103", "+15550001111")).filter((s) => s.trim().length > 0 && s.trim().length <= 64);
const validEvent = fc
  .record({
    id: word,
    callId: word,
    kind: fc.constantFrom("started", "ringing", "ended", "extension"),
    from: word,
    to: word,
    name: fc.option(fc.string({ unit: "binary", maxLength: 100 }))
  })
  .map(({ id, callId, kind, from, to, name }) => {
    const occurredAt = new Date().toISOString();
    const data =
      kind === "started"
        ? { callId, direction: "inbound", from: { number: from, name }, to: { number: to } }
        : kind === "ringing"
          ? { callId, target: { number: to, name } }
          : kind === "ended"
            ? { callId, cause: name }
            : { extension: from, deviceState: "idle" };
    const type = kind === "extension" ? "extension.status" : `call.${kind}`;
    return JSON.stringify({ id, type, occurredAt, data });
  });

/** Event-shaped bodies (so most reach the schema's depths and some reach the database), and anything at all. */
const body = fc.oneof(
  validEvent,
  fc
    .record(
      {
        id: nasty,
        type: fc.oneof(fc.constantFrom(...TYPES), nasty),
        occurredAt: fc.oneof(
          fc.date({ noInvalidDate: true, min: new Date("1970-01-01"), max: new Date("2999-12-31") }).map((d) => d.toISOString()),
          nasty
        ),
        data: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), nasty), value, { maxKeys: 8 })
      },
      { requiredKeys: [] }
    )
    .map((event) => JSON.stringify(event)),
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 200 })
);

async function counts() {
  const db = t.database.raw;
  const [deliveries, calls, events] = await Promise.all([db.pbxWebhookDelivery.count(), db.call.count(), db.outboxEvent.count()]);
  return { deliveries, calls, events };
}

describe("PBX webhook bodies under fuzzing", () => {
  it("any signed body is answered (applied, duplicate or a 400 naming fields), never throws, and a refusal writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const before = await counts();
        const result = await handlePbxWebhook({ db: t.database.client, box: t.box }, publicId, signWebhook(secret, raw), raw);
        expect(["ok", "duplicate", "bad_request"]).toContain(result.kind);
        if (result.kind === "bad_request") {
          expect(Object.keys(result.fields).length).toBeGreaterThan(0);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 300 }
    );
  });
});
