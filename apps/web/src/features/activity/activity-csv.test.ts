import type { DomainEvent } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { activityCsv, csvField } from "./activity-csv";

describe("activity CSV", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("-1+2")).toBe("'-1+2");
  });

  it("writes one line per entry under a header", () => {
    const event = {
      id: "e1",
      orgId: "o",
      seq: 1,
      type: "office.created",
      at: "2026-05-01T10:00:00.000Z",
      actor: { id: "a", name: "Ada, Admin" },
      subject: { kind: "office", id: "o1" },
      data: { id: "o1", name: "Billing", memberIds: [], version: 1, updatedAt: "" }
    } as DomainEvent;
    expect(activityCsv([event])).toBe(
      'time,person,kind,what,subject,subject id\r\n2026-05-01T10:00:00.000Z,"Ada, Admin",Offices,"Ada, Admin created office Billing",office,o1\r\n'
    );
  });
});
