import { describe, expect, it } from "vitest";
import { insertMention, matchMentionCandidates, mentionQueryAt } from "./mention-query";

const staff = [
  { id: "1", name: "Ana Agent", handle: "ana.agent" },
  { id: "2", name: "Bo Agent", handle: "bo.agent" },
  { id: "3", name: "Sam Supervisor", handle: "sam.supervisor" },
  { id: "4", name: "Anabel Ross", handle: "anabel.ross" }
];

describe("mentionQueryAt", () => {
  it("finds the handle being typed before the caret", () => {
    expect(mentionQueryAt("Thanks @an", 10)).toEqual({ start: 7, query: "an" });
    expect(mentionQueryAt("@sam", 4)).toEqual({ start: 0, query: "sam" });
    expect(mentionQueryAt("(@bo.a", 6)).toEqual({ start: 1, query: "bo.a" });
  });

  it("needs at least one letter, no space, and an @ outside a word", () => {
    expect(mentionQueryAt("Thanks @", 8)).toBeNull();
    expect(mentionQueryAt("@ana agent", 10)).toBeNull();
    expect(mentionQueryAt("mail ana@example", 16)).toBeNull();
    expect(mentionQueryAt("no mention here", 15)).toBeNull();
  });

  it("reads only up to the caret", () => {
    expect(mentionQueryAt("@ana and more", 3)).toEqual({ start: 0, query: "an" });
  });
});

describe("matchMentionCandidates", () => {
  it("matches the start of any word of the name or the handle, name starts first", () => {
    expect(matchMentionCandidates(staff, "an").map((c) => c.name)).toEqual(["Ana Agent", "Anabel Ross"]);
    expect(matchMentionCandidates(staff, "AGE").map((c) => c.name)).toEqual(["Ana Agent", "Bo Agent"]);
    expect(matchMentionCandidates(staff, "sam.s").map((c) => c.name)).toEqual(["Sam Supervisor"]);
    expect(matchMentionCandidates(staff, "zed")).toEqual([]);
  });
});

describe("insertMention", () => {
  it("replaces the typed query with the handle and a space, caret after it", () => {
    const text = "Could @an look at this?";
    const result = insertMention(text, { start: 6, query: "an" }, 9, "ana.agent");
    expect(result.text).toBe("Could @ana.agent look at this?");
    expect(result.caret).toBe("Could @ana.agent ".length);
  });
});
