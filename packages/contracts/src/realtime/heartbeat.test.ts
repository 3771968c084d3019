import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HeartbeatWatchdog } from "./heartbeat";

function watch() {
  const calls: string[] = [];
  const dog = new HeartbeatWatchdog({
    onStalled: () => calls.push("stalled"),
    onRecovered: () => calls.push("recovered"),
    onDead: () => calls.push("dead")
  });
  return { dog, calls };
}

describe("HeartbeatWatchdog", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("stays quiet while beats keep coming", () => {
    const { dog, calls } = watch();
    dog.arm();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(3_000);
      dog.beat({ intervalMs: 3_000 });
    }
    expect(calls).toEqual([]);
  });

  it("counts any message from the node as a beat, keeping the interval last told", () => {
    const { dog, calls } = watch();
    dog.arm();
    dog.beat({ intervalMs: 1_000 });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(2_500);
      dog.alive();
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(3_000);
    expect(calls).toEqual(["stalled"]);
    dog.alive();
    expect(calls).toEqual(["stalled", "recovered"]);
  });

  it("ignores messages while disarmed", () => {
    const { dog, calls } = watch();
    dog.alive();
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual([]);
  });

  it("says stalled after two missed beats and dead after three, then stays quiet until armed again", () => {
    const { dog, calls } = watch();
    dog.arm();
    dog.beat({ intervalMs: 1_000 });
    vi.advanceTimersByTime(2_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["stalled"]);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(["stalled", "dead"]);
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual(["stalled", "dead"]);
  });

  it("recovers when a beat arrives after a stall, and disarming stops the clock", () => {
    const { dog, calls } = watch();
    dog.arm();
    dog.beat({ intervalMs: 500 });
    vi.advanceTimersByTime(2_000);
    dog.beat({ intervalMs: 500 });
    expect(calls).toEqual(["stalled", "recovered"]);
    dog.disarm();
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual(["stalled", "recovered"]);
  });

  it("ignores a nonsensical interval", () => {
    const { dog, calls } = watch();
    dog.arm();
    dog.beat({ intervalMs: Number.NaN });
    dog.beat({ intervalMs: -5 });
    vi.advanceTimersByTime(6_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["stalled"]);
  });
});
