import { describe, expect, it } from "vitest";
import { parseSimulateArgs } from "./simulate-args";

describe("simulate CLI arguments", () => {
  it("reads rates per second, minute or hour and durations", () => {
    expect(parseSimulateArgs(["--org", "demo", "--rate", "20/min", "--duration", "5m"])).toEqual({
      org: "demo",
      rate: 20,
      duration: 300_000,
      seed: 1,
      speed: 1
    });
    expect(parseSimulateArgs(["--rate", "120/h", "--seed", "42"])).toEqual({ org: "demo", rate: 2, seed: 42, speed: 1 });
    expect(parseSimulateArgs(["--rate", "1/s", "--duration", "90s"])).toMatchObject({ rate: 60, duration: 90_000 });
  });

  it("names the bad argument", () => {
    expect(() => parseSimulateArgs(["--rate", "lots"])).toThrow(/rate must look like/);
    expect(() => parseSimulateArgs(["--duration", "5 minutes"])).toThrow(/duration must look like/);
    expect(() => parseSimulateArgs(["--bogus", "1"])).toThrow();
  });
});
