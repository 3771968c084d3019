import { startOfOrgDay, startOfQuarterHour } from "@switchboard/contracts";

/** What one caller event adds to a queue's counters. */
export interface QueueOutcomeDelta {
  offered?: number;
  answered?: number;
  abandoned?: number;
  answeredWithinSl?: number;
  answeredWaitSeconds?: number;
  abandonedWaitSeconds?: number;
  talkSeconds?: number;
  completed?: number;
}

const COLUMNS = [
  ["offered", "offered"],
  ["answered", "answered"],
  ["abandoned", "abandoned"],
  ["answeredWithinSl", "answered_within_sl"],
  ["answeredWaitSeconds", "answered_wait_seconds"],
  ["abandonedWaitSeconds", "abandoned_wait_seconds"],
  ["talkSeconds", "talk_seconds"],
  ["completed", "completed"]
] as const satisfies readonly (readonly [keyof QueueOutcomeDelta, string])[];

/** A transaction client as the outcome counters need it (raw SQL runs in the caller's transaction). */
export interface RawExecutor {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
}

/**
 * Adds `delta` to the queue's counters of the organization day and of the 15 minutes containing
 * `at`, in the caller's transaction, so the counters move exactly when the caller row that caused
 * them commits. One upsert statement: concurrent writers (webhook deliveries) add, never overwrite.
 */
export async function addQueueOutcome(
  tx: RawExecutor,
  input: { orgId: string; queueId: string; at: Date; timeZone: string; delta: QueueOutcomeDelta }
): Promise<void> {
  const values = COLUMNS.map(([key]) => Math.max(0, Math.round(input.delta[key] ?? 0)));
  if (values.every((v) => v === 0)) return;
  const day = startOfOrgDay(input.at, input.timeZone);
  const quarter = startOfQuarterHour(input.at);
  const names = COLUMNS.map(([, column]) => column);
  const counters = values.map((_, i) => `$${i + 5}`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO queue_intervals (id, organization_id, queue_id, kind, starts_at, ${names.join(", ")})
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'day'::"QueueIntervalKind", $3::timestamptz, ${counters}),
            (gen_random_uuid(), $1::uuid, $2::uuid, 'quarter_hour'::"QueueIntervalKind", $4::timestamptz, ${counters})
     ON CONFLICT (queue_id, kind, starts_at) DO UPDATE SET ${names.map((n) => `${n} = queue_intervals.${n} + EXCLUDED.${n}`).join(", ")}`,
    input.orgId,
    input.queueId,
    day.toISOString(),
    quarter.toISOString(),
    ...values
  );
}
