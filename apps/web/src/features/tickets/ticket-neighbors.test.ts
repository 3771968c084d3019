import { describe, expect, it } from "vitest";
import { findTicketNeighbors } from "./ticket-neighbors";

/** A list of tickets in the view's order, read a page at a time; records which pages were read. */
function pagedList(ids: readonly string[], pageSize: number) {
  const reads: number[] = [];
  const readPage = (page: number) => {
    reads.push(page);
    return Promise.resolve(ids.slice((page - 1) * pageSize, page * pageSize));
  };
  return { reads, readPage };
}

const LIST = ["t1", "t2", "t3", "t4", "t5"];

describe("findTicketNeighbors", () => {
  it("gives the tickets around one inside its page, reading only that page", async () => {
    const list = pagedList(LIST, 3);
    expect(await findTicketNeighbors("t2", 1, list.readPage)).toEqual({ previous: { id: "t1", page: 1 }, next: { id: "t3", page: 1 } });
    expect(list.reads).toEqual([1]);
  });

  it("crosses to the next page after the last ticket and back to the previous before the first", async () => {
    expect(await findTicketNeighbors("t3", 1, pagedList(LIST, 3).readPage)).toEqual({ previous: { id: "t2", page: 1 }, next: { id: "t4", page: 2 } });
    expect(await findTicketNeighbors("t4", 2, pagedList(LIST, 3).readPage)).toEqual({ previous: { id: "t3", page: 1 }, next: { id: "t5", page: 2 } });
  });

  it("has no previous at the start of the list and no next at its end", async () => {
    expect(await findTicketNeighbors("t1", 1, pagedList(LIST, 3).readPage)).toEqual({ previous: null, next: { id: "t2", page: 1 } });
    expect(await findTicketNeighbors("t5", 2, pagedList(LIST, 3).readPage)).toEqual({ previous: { id: "t4", page: 2 }, next: null });
    expect(await findTicketNeighbors("t1", 1, pagedList(["t1"], 3).readPage)).toEqual({ previous: null, next: null });
  });

  it("continues at the top of the page when the ticket is no longer on it", async () => {
    expect(await findTicketNeighbors("gone", 2, pagedList(LIST, 3).readPage)).toEqual({ previous: null, next: { id: "t4", page: 2 } });
    expect(await findTicketNeighbors("gone", 3, pagedList(LIST, 3).readPage)).toEqual({ previous: null, next: null });
  });
});
