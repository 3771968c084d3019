import { pino, type Logger } from "pino";
import type { SecretBox } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";
import { applyOperation, type Operation } from "../tracker/apply-operation";
import type { ApplyOutcome } from "../tracker/call-store";
import { Directory } from "../tracker/directory";
import { createTrackerStats, type TrackerStats } from "../tracker/tracker-stats";
import { webhookEventSchema, toOperation } from "./webhook-body";
import { pruneWebhookDeliveries } from "./webhook-deliveries";
import { SIGNATURE_HEADER, signatureMatches, TIMESTAMP_HEADER } from "./webhook-signature";

/** Requests signed more than this long ago (or ahead) are refused: a captured request cannot be replayed later. */
const REPLAY_WINDOW_SECONDS = 300;

export type WebhookResult =
  | { kind: "ok"; eventId: string; outcome: ApplyOutcome }
  | { kind: "duplicate"; eventId: string }
  | { kind: "unauthorized"; reason: string }
  | { kind: "not_found"; reason: string }
  | { kind: "bad_request"; fields: Record<string, string> };

export interface WebhookDeps {
  db: DbClient;
  box: SecretBox;
  log?: Logger;
  now?: () => Date;
  stats?: TrackerStats;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(",") : value;
}

const HTTP_STATUS = { ok: 200, duplicate: 200, unauthorized: 401, not_found: 404, bad_request: 400 } as const;

/**
 * HTTP status a route handler answers with. Duplicates are 200: the PBX must stop retrying. An
 * unknown (or disabled) integration is 404: the public id is random, so this reveals nothing, and
 * it tells an operator the URL is wrong rather than the secret.
 */
export function webhookHttpStatus(result: WebhookResult): 200 | 400 | 401 | 404 {
  return HTTP_STATUS[result.kind];
}

/**
 * Thrown inside the transaction so the delivery row rolls back too: the PBX may resend once what
 * the event names exists (the call started, the extension or queue was added).
 */
class Unknown extends Error {
  constructor(
    readonly field: string,
    readonly reason: string
  ) {
    super(reason);
  }
}

const UNKNOWN: Partial<Record<ApplyOutcome, (op: Operation) => Unknown>> = {
  unknown_call: () => new Unknown("data.callId", "no call with this id has started; send call.started first"),
  unknown_endpoint: (op) =>
    op.op === "trunk_status"
      ? new Unknown("data.trunk", "no trunk with this name in the organization")
      : new Unknown("data.extension", "no extension with this name in the organization"),
  unknown_queue: () => new Unknown("data.queue", "no queue with this name in the organization"),
  unknown_member: () => new Unknown("data.agent", "no extension with this number, SIP username or interface in the organization"),
  unknown_caller: () => new Unknown("data.callerId", "no caller with this id joined the queue; send queue.caller_joined first")
};

const fallbackStats = createTrackerStats();
let lastPrune = 0;

/**
 * Verifies and applies one PBX webhook delivery to /api/pbx/webhooks/{integrationPublicId}:
 * HMAC-SHA256 over `${timestamp}.${rawBody}` with the integration's secret, a timestamp within
 * the replay window, a zod-valid body, and at most once per PBX event id (recorded in the same
 * transaction as the change, so a failed apply can be retried).
 */
export async function handlePbxWebhook(deps: WebhookDeps, integrationPublicId: string, headers: HeaderBag, rawBody: string): Promise<WebhookResult> {
  const { db, box } = deps;
  const log = deps.log ?? pino({ level: "silent" });
  const now = deps.now?.() ?? new Date();
  const webhook = await db.pbxWebhook.findUnique({ where: { publicId: integrationPublicId } });
  if (!webhook || !webhook.enabled) return { kind: "not_found", reason: "unknown or disabled integration" };

  const timestamp = header(headers, TIMESTAMP_HEADER);
  const signature = header(headers, SIGNATURE_HEADER);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { kind: "unauthorized", reason: `missing or malformed ${TIMESTAMP_HEADER}` };
  if (!signature) return { kind: "unauthorized", reason: `missing ${SIGNATURE_HEADER}` };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS)
    return { kind: "unauthorized", reason: "timestamp outside the replay window" };
  if (!signatureMatches(box.open(webhook.secretEnc), timestamp, rawBody, signature)) return { kind: "unauthorized", reason: "signature does not match" };

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { kind: "bad_request", fields: { body: "must be a JSON object" } };
  }
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
    return { kind: "bad_request", fields };
  }
  const body = parsed.data;
  const storeDeps = { db, directory: new Directory(db, webhook.organizationId), stats: deps.stats ?? fallbackStats, log };

  try {
    const result = await db.$transaction(async (tx) => {
      const inserted = await tx.$queryRawUnsafe<unknown[]>(
        "INSERT INTO pbx_webhook_deliveries (webhook_id, event_id) VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING RETURNING event_id",
        webhook.id,
        body.id
      );
      if (inserted.length === 0) return { kind: "duplicate" as const, eventId: body.id };
      const op = toOperation(body);
      const outcome = await applyOperation(storeDeps, op);
      const unknown = UNKNOWN[outcome]?.(op);
      if (unknown) throw unknown;
      return { kind: "ok" as const, eventId: body.id, outcome };
    });
    await pruneNowAndThen(db, now);
    return result;
  } catch (error) {
    if (error instanceof Unknown) return { kind: "bad_request", fields: { [error.field]: error.reason } };
    throw error;
  }
}

async function pruneNowAndThen(db: DbClient, now: Date): Promise<void> {
  if (now.getTime() - lastPrune < 3_600_000) return;
  lastPrune = now.getTime();
  await pruneWebhookDeliveries(db, now);
}
