/** A ticket of a list, with the list page it is on (links to it keep the agent's place in the list). */
export interface TicketPosition {
  id: string;
  page: number;
}

export interface TicketNeighbors {
  previous: TicketPosition | null;
  next: TicketPosition | null;
}

/**
 * The tickets before and after `currentId` in a paged list, reading the page shown and, at its
 * edges, the page before or after. A ticket no longer on its page (it left the view, e.g. just
 * assigned out of "Unassigned", or it was opened from elsewhere) has no previous; its next is the
 * first other ticket of that page, where working through the view continues.
 */
export async function findTicketNeighbors(currentId: string, page: number, readPage: (page: number) => Promise<readonly string[]>): Promise<TicketNeighbors> {
  const ids = await readPage(page);
  const index = ids.indexOf(currentId);
  if (index < 0) {
    const next = ids.find((id) => id !== currentId);
    return { previous: null, next: next === undefined ? null : { id: next, page } };
  }
  const before = ids[index - 1];
  const after = ids[index + 1];
  const [previous, next] = await Promise.all([
    before !== undefined ? { id: before, page } : page > 1 ? lastOf(page - 1, readPage) : null,
    after !== undefined ? { id: after, page } : firstOf(page + 1, readPage)
  ]);
  return { previous, next };
}

async function lastOf(page: number, readPage: (page: number) => Promise<readonly string[]>): Promise<TicketPosition | null> {
  const id = (await readPage(page)).at(-1);
  return id === undefined ? null : { id, page };
}

async function firstOf(page: number, readPage: (page: number) => Promise<readonly string[]>): Promise<TicketPosition | null> {
  const id = (await readPage(page))[0];
  return id === undefined ? null : { id, page };
}
