import type { OfficeRecord } from "@switchboard/contracts";

/** An office as its page lists it: the office and how many tickets belong to it. */
export type OfficeRow = OfficeRecord & { ticketCount: number };
