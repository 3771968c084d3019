import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("scrypt$32768$8$3$")).toBe(true);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("verifies hashes of older parameters and marks them for a rehash", async () => {
    const old = await hashPassword("correct horse battery staple", { N: 2 ** 14, r: 8, p: 1 });
    expect(await verifyPassword("correct horse battery staple", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash("plaintext")).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toEqual(await hashPassword("same"));
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1$2")).toBe(false);
  });
});
