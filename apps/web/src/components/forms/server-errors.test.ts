import { describe, expect, it } from "vitest";
import { applyServerErrors } from "./server-errors";

function collect() {
  const placed: { name: string; message: string | undefined; focus: boolean | undefined }[] = [];
  const setError = (name: string, error: { message?: string }, options?: { shouldFocus?: boolean }) => {
    placed.push({ name, message: error.message, focus: options?.shouldFocus });
  };
  return { placed, setError: setError as never };
}

describe("applyServerErrors", () => {
  it("puts field errors under their fields, focusing the first, with nothing left for the top", () => {
    const { placed, setError } = collect();
    const general = applyServerErrors(
      {
        code: "conflict",
        message: "an extension with this number already exists",
        fields: { number: "an extension with this number already exists", "codecs.1": "bad codec" }
      },
      setError,
      ["number", "codecs"]
    );
    expect(placed).toEqual([
      { name: "number", message: "an extension with this number already exists", focus: true },
      { name: "codecs", message: "bad codec", focus: false }
    ]);
    expect(general).toBeNull();
  });
  it("shows the overall message when no field matches", () => {
    const { placed, setError } = collect();
    expect(applyServerErrors({ code: "forbidden", message: "only admins may change trunks" }, setError, ["name"])).toBe("only admins may change trunks");
    expect(placed).toEqual([]);
  });
  it("reports errors about fields the form lacks at the top", () => {
    const { setError } = collect();
    expect(
      applyServerErrors({ code: "bad_request", message: "invalid", fields: { name: "name is required", extra: "unknown field" } }, setError, ["name"])
    ).toBe("extra: unknown field");
  });
});
