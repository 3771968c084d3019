import { describe, expect, it } from "vitest";
import { trunkCreateSchema, trunkUpdateSchema } from "./trunk";

describe("trunk input", () => {
  it("coerces numbers from forms and applies defaults", () => {
    expect(trunkCreateSchema.parse({ name: "Carrier", host: "sip.example.net", port: "5061", maxChannels: "12" })).toMatchObject({
      port: 5061,
      maxChannels: 12,
      transport: "udp",
      registrationRequired: true
    });
  });

  it("rejects bad hosts and ports with messages naming the field", () => {
    const result = trunkCreateSchema.safeParse({ name: "C", host: "bad host!", port: 70000 });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([
        ["host", "host must be a hostname or IP address"],
        ["port", "port must be 1–65535"]
      ])
    );
  });

  it("update: blank secret keeps, null removes", () => {
    expect(trunkUpdateSchema.parse({ secret: "" })).toEqual({});
    expect(trunkUpdateSchema.parse({ secret: null })).toEqual({ secret: null });
  });
});
