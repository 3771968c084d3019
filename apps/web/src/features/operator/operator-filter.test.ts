import { describe, expect, it } from "vitest";
import type { CallView } from "@switchboard/contracts";
import { byNumber, filterExtensions, groupsOf } from "./operator-filter";

const ext = (id: string, number: string, displayName: string, userId: string | null = null, userName: string | null = null) => ({
  id,
  number,
  displayName,
  userId,
  userName
});
const EXTENSIONS = [
  ext("e100", "100", "Reception", "u-ada", "Ada Admin"),
  ext("e102", "102", "Ana Agent", "u-ana", "Ana Agent"),
  ext("e104", "104", "Sales desk 1")
];
const call = { fromNumber: "+15550199", fromName: "Jo Caller", toNumber: "104", toName: null } as CallView;
const callOf = (id: string) => (id === "e104" ? call : undefined);

describe("groupsOf", () => {
  it("gives an office the extensions of its members and a queue its member extensions; empty groups are left out", () => {
    const groups = groupsOf(
      [
        { id: "o1", name: "Support", memberIds: ["u-ana", "u-nobody"] },
        { id: "o2", name: "Empty", memberIds: ["u-nobody"] }
      ],
      [{ id: "q1", name: "sales", members: [{ extensionId: "e104" }, { extensionId: "e104" }] }],
      EXTENSIONS
    );
    expect(groups).toEqual([
      { id: "office:o1", kind: "office", name: "Support", extensionIds: ["e102"] },
      { id: "queue:q1", kind: "queue", name: "sales", extensionIds: ["e104"] }
    ]);
  });
});

describe("filterExtensions", () => {
  const groups = [{ id: "office:o1", kind: "office" as const, name: "Support", extensionIds: ["e102"] }];
  const ids = (query: string, groupId = "") => filterExtensions(EXTENSIONS, { query, groupId }, groups, callOf).map((e) => e.id);

  it("shows everything without a search or group", () => {
    expect(ids("")).toEqual(["e100", "e102", "e104"]);
    expect(ids("   ")).toEqual(["e100", "e102", "e104"]);
  });

  it("matches number, display name and user name, case-insensitively, every word", () => {
    expect(ids("10")).toEqual(["e100", "e102", "e104"]);
    expect(ids("RECEP")).toEqual(["e100"]);
    expect(ids("ada")).toEqual(["e100"]);
    expect(ids("sales 104")).toEqual(["e104"]);
    expect(ids("sales 100")).toEqual([]);
  });

  it("finds an extension by the party of its call", () => {
    expect(ids("jo caller")).toEqual(["e104"]);
    expect(ids("5550199")).toEqual(["e104"]);
  });

  it("narrows to a group, and a group that no longer exists shows nothing rather than everything", () => {
    expect(ids("", "office:o1")).toEqual(["e102"]);
    expect(ids("ana", "office:o1")).toEqual(["e102"]);
    expect(ids("reception", "office:o1")).toEqual([]);
    expect(ids("", "office:gone")).toEqual([]);
  });
});

describe("byNumber", () => {
  it("sorts numerically", () => {
    expect(
      ["1000", "99", "100", "9"]
        .map((number) => ({ number }))
        .sort(byNumber)
        .map((e) => e.number)
    ).toEqual(["9", "99", "100", "1000"]);
  });
});
