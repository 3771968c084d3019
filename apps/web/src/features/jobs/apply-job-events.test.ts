import { describe, expect, it } from "vitest";
import type { DomainEvent, JobView } from "@switchboard/contracts";
import { applyJobEvents, describeProgress } from "./apply-job-events";

const job = (over: Partial<JobView>): JobView => ({
  id: "j1",
  kind: "import_extensions",
  state: "running",
  done: 0,
  total: 2000,
  ratePerSecond: null,
  etaSeconds: null,
  cancelRequested: false,
  createdById: "u1",
  createdByName: "Ada",
  error: null,
  result: null,
  startedAt: null,
  finishedAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...over
});

const event = (type: DomainEvent["type"], seq: number, data: JobView): DomainEvent =>
  ({ id: `e${seq}`, orgId: "o", seq, type, at: "", actor: null, subject: { kind: "job", id: data.id }, data }) as DomainEvent;

describe("applyJobEvents", () => {
  it("adds new jobs on top and moves progress forward", () => {
    const rows = applyJobEvents(
      [job({ id: "old", createdAt: "2025-01-01T00:00:00.000Z", state: "completed" })],
      [event("job.queued", 1, job({ state: "queued" })), event("job.progress", 2, job({ done: 500 }))]
    );
    expect(rows.map((r) => [r.id, r.done])).toEqual([
      ["j1", 500],
      ["old", 0]
    ]);
  });

  it("never moves a finished job back to running", () => {
    const rows = applyJobEvents([job({ state: "completed", done: 2000 })], [event("job.progress", 3, job({ done: 1500 }))]);
    expect(rows[0]?.state).toBe("completed");
  });
});

describe("describeProgress", () => {
  it("says rows done of all, the rate and the time left while running", () => {
    expect(describeProgress(job({ done: 1234, ratePerSecond: 310, etaSeconds: 3 }))).toBe("1,234 of 2,000 · 310/s · 3 s left");
    expect(describeProgress(job({ state: "completed", done: 2000, ratePerSecond: 300, etaSeconds: 0 }))).toBe("2,000 of 2,000");
  });
});
