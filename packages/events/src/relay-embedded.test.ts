import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSecretBox } from "@switchboard/auth";
import type { DomainEvent } from "@switchboard/contracts";
import { createDatabase, type Database } from "@switchboard/db";
import { createExtensionRow, createOrganization, extensionData } from "@switchboard/db/seed";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryEventLog } from "./memory-event-log";
import { createRelay } from "./relay";
import { oneTo, RecordingLog, seqsOf } from "./test-support/recording-log";
import { waitFor } from "./testing";

describe("relay (embedded PGlite + MemoryEventLog)", () => {
  let dataDir: string;
  let database: Database;
  const box = createSecretBox("test-secrets-key-test-secrets-key-0123456789");

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "sb-relay-"));
    database = createDatabase({ kind: "embedded", dataDir });
    await database.migrate();
  }, 120_000);
  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("publishes committed changes in order, once, and nothing that rolled back", async () => {
    const memory = new MemoryEventLog();
    const appended: { orgId: string; seq: number; by: string }[] = [];
    const log = new RecordingLog(memory, appended, "embedded");
    const live: DomainEvent[] = [];
    log.subscribe((e) => live.push(e));
    const relay = createRelay({ database, log, logger: pino({ level: "silent" }), pollIntervalMs: 20 });
    relay.start();
    try {
      const db = database.client;
      const [a, b] = [await createOrganization(db), await createOrganization(db)];
      await Promise.all([
        ...Array.from({ length: 15 }, (_, i) => createExtensionRow(db, box, a.id, String(100 + i))),
        ...Array.from({ length: 10 }, (_, i) => createExtensionRow(db, box, b.id, String(100 + i)))
      ]);
      await expect(
        db.$transaction(async (tx) => {
          await tx.extension.create({ data: extensionData(box, a.id, "999") });
          throw new Error("abort");
        })
      ).rejects.toThrow("abort");
      await db.extension.updateMany({ where: { organizationId: a.id }, data: { enabled: false } });

      // Events reach the log just before the rows commit as published and the relay counts them: wait for the count too.
      await waitFor(() => live.length === 40 && relay.stats().published === 40, { what: "40 events", timeoutMs: 30_000 });
      expect(seqsOf(a.id, live)).toEqual(oneTo(30));
      expect(seqsOf(b.id, live)).toEqual(oneTo(10));
      expect(seqsOf(a.id, appended)).toEqual(oneTo(30));
      const replay = await memory.readSince(a.id, 25);
      expect(replay.kind === "events" && replay.events.map((e) => e.type)).toEqual(Array(5).fill("extension.updated"));
      expect(await database.raw.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
      expect(relay.stats()).toMatchObject({ published: 40, pending: 0, failures: 0 });
    } finally {
      await relay.stop();
    }
  });
});
