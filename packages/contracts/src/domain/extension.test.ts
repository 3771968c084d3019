import { describe, expect, it } from "vitest";
import { extensionCreateSchema, extensionUpdateSchema } from "./extension";

const valid = { number: "104", displayName: "Sales", sipUsername: "ext104", sipSecret: "a-long-sip-secret" };

describe("extension input", () => {
  it("applies defaults on create and parses form-style values", () => {
    const parsed = extensionCreateSchema.parse({ ...valid, codecs: "opus, ULAW", enabled: "on", voicemailEnabled: "false" });
    expect(parsed).toMatchObject({ transport: "udp", codecs: ["opus", "ulaw"], enabled: true, voicemailEnabled: false });
  });

  it("names each failing field", () => {
    const result = extensionCreateSchema.safeParse({
      number: "1x",
      displayName: "",
      sipUsername: "a b",
      sipSecret: "short",
      transport: "carrier-pigeon",
      codecs: ["mp3"]
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => String(i.path[0])) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["number", "displayName", "sipUsername", "sipSecret", "transport", "codecs"]));
  });

  it("refuses unknown fields (no silent partial writes)", () => {
    expect(extensionCreateSchema.safeParse({ ...valid, organizationId: "x" }).success).toBe(false);
  });

  it("update has no defaults, and a blank secret keeps the current one", () => {
    expect(extensionUpdateSchema.parse({ displayName: "New" })).toEqual({ displayName: "New" });
    expect(extensionUpdateSchema.parse({ sipSecret: "" })).toEqual({});
  });

  it("refuses repeated codecs", () => {
    expect(extensionCreateSchema.safeParse({ ...valid, codecs: ["opus", "opus"] }).success).toBe(false);
  });
});
