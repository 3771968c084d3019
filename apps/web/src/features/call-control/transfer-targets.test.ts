import { describe, expect, it } from "vitest";
import { matchTransferTargets } from "./transfer-targets";

const targets = [
  { id: "a", number: "100", displayName: "Reception", enabled: true },
  { id: "b", number: "102", displayName: "Ana Agent", enabled: true },
  { id: "c", number: "210", displayName: "Front desk 100", enabled: true },
  { id: "d", number: "103", displayName: "Bo Agent", enabled: true },
  { id: "e", number: "104", displayName: "Old desk", enabled: false }
];
const numbers = (typed: string, exclude: string[] = [], limit?: number) => matchTransferTargets(targets, typed, exclude, limit).map((t) => t.number);

describe("matchTransferTargets", () => {
  it("lists number-prefix matches before name matches", () => {
    expect(numbers("10")).toEqual(["100", "102", "103", "210"]);
    expect(numbers("100")).toEqual(["100", "210"]);
  });
  it("matches names case-insensitively", () => {
    expect(numbers("AGENT")).toEqual(["102", "103"]);
  });
  it("leaves out the call's own extensions and caps the list", () => {
    expect(numbers("", ["b"])).toEqual(["100", "210", "103"]);
    expect(numbers("", [], 2)).toEqual(["100", "102"]);
  });
  it("never offers a disabled extension, even typed in full", () => {
    expect(numbers("104")).toEqual([]);
    expect(numbers("desk")).toEqual(["210"]);
  });
  it("finds nothing for a number no extension has", () => {
    expect(numbers("999")).toEqual([]);
  });
});
