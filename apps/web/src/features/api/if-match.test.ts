import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { etagOf, expectedVersion, readIfMatch } from "./if-match";

describe("If-Match and ETag", () => {
  it("reads one of our ETags (strong or weak), * and absence", () => {
    expect(readIfMatch(etagOf(3))).toBe(3);
    expect(readIfMatch('W/"12"')).toBe(12);
    expect(readIfMatch(' "7" ')).toBe(7);
    expect(readIfMatch("*")).toBeUndefined();
    expect(readIfMatch(null)).toBeUndefined();
  });

  it("refuses anything else with a 400 that names the header", () => {
    for (const bad of ["3", '"0"', '"abc"', '"1", "2"', "", '"99999999999"']) {
      const error = (() => {
        try {
          readIfMatch(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).fields).toEqual({ "If-Match": "not an ETag of this API" });
    }
  });

  it("takes the version from either place, and refuses two that disagree", () => {
    expect(expectedVersion(4, undefined)).toBe(4);
    expect(expectedVersion(undefined, 5)).toBe(5);
    expect(expectedVersion(6, 6)).toBe(6);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(() => expectedVersion(4, 5)).toThrow("If-Match (4) and version (5) disagree");
  });
});
