import { describe, expect, it } from "vitest";
import { extensionCreateSchema } from "./extension";
import { NUL_MESSAGE, text } from "./text";
import { ticketCreateSchema } from "./ticket";

describe("text()", () => {
  it("refuses a string with a NUL character, naming the rule, and keeps z.string()'s own checks", () => {
    const schema = text().trim().min(1, "required").max(5);
    expect(schema.parse(" abc ")).toBe("abc");
    const refused = schema.safeParse("a\u0000b");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toContain(NUL_MESSAGE);
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("required");
  });

  it("is what the contracts' input schemas are made of", () => {
    const extension = extensionCreateSchema.safeParse({ number: "201", displayName: "Desk\u0000", sipUsername: "ext201", sipSecret: "secret-201-long" });
    expect(extension.error?.issues).toEqual([expect.objectContaining({ path: ["displayName"], message: NUL_MESSAGE })]);
    const ticket = ticketCreateSchema.safeParse({ subject: "Printer", body: "jammed\u0000again" });
    expect(ticket.error?.issues).toEqual([expect.objectContaining({ path: ["body"], message: NUL_MESSAGE })]);
  });
});
