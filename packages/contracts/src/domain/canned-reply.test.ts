import { describe, expect, it } from "vitest";
import { cannedReplyCreateSchema, renderCannedReply, unknownPlaceholders } from "./canned-reply";

const values = { "customer.name": "Cara Customer", "ticket.number": "T-1042", "ticket.subject": "PIN rejected", "agent.name": "Ana Agent" };

describe("canned reply placeholders", () => {
  it("fills every known placeholder, with or without spaces inside the braces", () => {
    expect(renderCannedReply("Hi {{customer.name}}, about {{ ticket.number }} ({{ticket.subject}}) — {{agent.name}}", values)).toBe(
      "Hi Cara Customer, about T-1042 (PIN rejected) — Ana Agent"
    );
  });

  it("leaves unknown placeholders and lone braces as written", () => {
    expect(renderCannedReply("{{customer.email}} {customer.name} {{", values)).toBe("{{customer.email}} {customer.name} {{");
  });

  it("names each unknown placeholder once, in order", () => {
    expect(unknownPlaceholders("{{customer.nmae}} {{ticket.number}} {{foo}} {{customer.nmae}} {{}}")).toEqual(["customer.nmae", "foo", ""]);
    expect(unknownPlaceholders("Plain text, {{agent.name}}")).toEqual([]);
  });

  it("refuses a body with unknown placeholders, naming them and the allowed ones", () => {
    const result = cannedReplyCreateSchema.safeParse({ name: "Greeting", body: "Hi {{customer.nmae}}, {{ticket.id}}" });
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? "";
    expect(message).toContain("unknown placeholders {{customer.nmae}}, {{ticket.id}}");
    expect(message).toContain("{{customer.name}}");
    expect(result.error?.issues[0]?.path).toEqual(["body"]);
  });

  it("accepts a body with known placeholders and trims the name", () => {
    expect(cannedReplyCreateSchema.parse({ name: "  Greeting ", body: "Hi {{customer.name}}" })).toEqual({ name: "Greeting", body: "Hi {{customer.name}}" });
  });

  it("stays linear on a long run of braces", () => {
    expect(unknownPlaceholders("{{".repeat(50_000))).toEqual([]);
  });
});
