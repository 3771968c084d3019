import type { DomainEvent } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { planAppendChunks } from "./append-chunks";

function events(orgId: string, from: number, to: number): DomainEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ orgId, seq: from + i }) as DomainEvent);
}
const label = (chunk: readonly DomainEvent[]) => chunk.map((e) => `${e.orgId}${e.seq}`).join(",");

describe("planAppendChunks", () => {
  it("packs whole organizations into chunks that share no org, keeping each org's order", () => {
    const plan = planAppendChunks([...events("a", 1, 2), ...events("b", 1, 3), ...events("a", 3, 3), ...events("c", 1, 1), ...events("d", 1, 1)], 4);
    expect(plan.parallel.map(label)).toEqual(["a1,a2,a3", "b1,b2,b3,c1", "d1"]);
    expect(plan.chains).toEqual([]);
  });

  it("sends an org with more events than a chunk holds as a chain of chunks, apart from the others", () => {
    const plan = planAppendChunks([...events("a", 1, 1), ...events("b", 1, 5), ...events("c", 1, 1)], 2);
    expect(plan.parallel.map(label)).toEqual(["a1,c1"]);
    expect(plan.chains.map((chain) => chain.map(label))).toEqual([["b1,b2", "b3,b4", "b5"]]);
  });
});
