import { describe, expect, it } from "vitest";
import { extensionView } from "@/features/realtime/test-events";
import { filterRows, filtersKey, hasFilters, NO_FILTERS } from "./list-filter";

const rows = [
  extensionView("a", "100", { displayName: "Reception", userName: "Ada Admin" }),
  extensionView("b", "101", { displayName: "Sales", transport: "tls" }),
  extensionView("c", "102", { displayName: "Warehouse", enabled: false })
];
const text = (r: (typeof rows)[number]) => [r.number, r.displayName, r.userName, r.sipUsername];

describe("filterRows", () => {
  it("returns everything without filters", () => {
    expect(filterRows(rows, NO_FILTERS, text)).toHaveLength(3);
  });
  it("searches case-insensitively across the given fields, including the assigned user", () => {
    expect(filterRows(rows, { ...NO_FILTERS, q: "ada" }, text).map((r) => r.id)).toEqual(["a"]);
    expect(filterRows(rows, { ...NO_FILTERS, q: " 10" }, text)).toHaveLength(3);
    expect(filterRows(rows, { ...NO_FILTERS, q: "house" }, text).map((r) => r.id)).toEqual(["c"]);
  });
  it("filters by transport and by enabled", () => {
    expect(filterRows(rows, { ...NO_FILTERS, transport: "tls" }, text).map((r) => r.id)).toEqual(["b"]);
    expect(filterRows(rows, { ...NO_FILTERS, enabled: "false" }, text).map((r) => r.id)).toEqual(["c"]);
    expect(filterRows(rows, { ...NO_FILTERS, enabled: "true", transport: "udp" }, text).map((r) => r.id)).toEqual(["a"]);
  });
  it("knows when filters are active and keys them", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: "  " })).toBe(false);
    expect(filtersKey({ ...NO_FILTERS, q: "ABC " })).toBe(filtersKey({ ...NO_FILTERS, q: "abc" }));
  });
});
