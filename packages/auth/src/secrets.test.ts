import { describe, expect, it } from "vitest";
import { createSecretBox, secretHint } from "./secrets";

describe("secret box", () => {
  const box = createSecretBox("a-test-key-that-is-long-enough-0123456789");

  it("round-trips and never stores the plain text", () => {
    const sealed = box.seal("s3cret-sip-password");
    expect(sealed).not.toContain("s3cret");
    expect(box.open(sealed)).toBe("s3cret-sip-password");
  });

  it("refuses tampered ciphertext and other keys", () => {
    const sealed = box.seal("s3cret-sip-password");
    const parts = sealed.split(".");
    const body = parts[3] ?? "";
    const tampered = [...parts.slice(0, 3), (body[0] === "A" ? "B" : "A") + body.slice(1)].join(".");
    expect(() => box.open(tampered)).toThrow();
    expect(() => createSecretBox("another-key-another-key-another-key-00").open(sealed)).toThrow();
  });

  it("hints show only the last two characters", () => {
    expect(secretHint("abcdefgh12")).toBe("••••••12");
  });
});
