import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./parse-input";

const schema = z.strictObject({
  name: z.string().min(1, "name is required"),
  codecs: z.array(z.enum(["opus", "g722"], { message: "unknown codec" })),
  hours: z.strictObject({ urgent: z.number().int("urgent must be whole hours"), low: z.number() })
});

function refusal(input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    return error;
  }
  throw new Error("accepted");
}

describe("parseInput", () => {
  it("answers one message per top-level field for forms, and names each failing value by its full path in the message", () => {
    expect(refusal({ name: "", codecs: ["opus", "gsm"], hours: { urgent: 1.5, low: 2, weekend: 3 } })).toMatchObject({
      code: "bad_request",
      message: "invalid input — name: name is required; codecs.1: unknown codec; hours.urgent: urgent must be whole hours; hours.weekend: unknown field",
      fields: { name: "name is required", codecs: "unknown codec", hours: "urgent must be whole hours" }
    });
  });

  it("names an unknown top-level field, and input that is not an object at all", () => {
    expect(refusal({ name: "a", codecs: [], hours: { urgent: 1, low: 2 }, extra: 1 })).toMatchObject({
      message: "invalid input — extra: unknown field",
      fields: { extra: "unknown field" }
    });
    expect(refusal("text")).toMatchObject({ message: expect.stringMatching(/^invalid input — (?!_:|: )\S/), fields: { _: expect.any(String) } });
  });

  it("passes valid input through as the schema's output", () => {
    expect(parseInput(schema, { name: "a", codecs: ["g722"], hours: { urgent: 1, low: 2 } })).toEqual({
      name: "a",
      codecs: ["g722"],
      hours: { urgent: 1, low: 2 }
    });
  });
});
