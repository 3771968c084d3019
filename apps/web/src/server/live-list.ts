import "server-only";
import type { Page } from "@switchboard/contracts";
import { listAll } from "./list-all";
import { readSnapshot } from "./snapshot";

export interface LiveList<Row, Status> {
  /** The event seq the rows and statuses reflect; the console resumes live updates from it. */
  seq: number;
  rows: Row[];
  /** Live PBX state for the rows, read at the same seq. */
  statuses: Status[];
  /** Only the first LIST_LIMIT rows were loaded. */
  truncated: boolean;
}

/** A whole paged list and its live statuses, read in one snapshot so both match `seq`. */
export async function readLiveList<Row, Status>(
  orgId: string,
  fetchPage: (page: number, pageSize: number) => Promise<Page<Row>>,
  listStatuses: () => Promise<Status[]>
): Promise<LiveList<Row, Status>> {
  const { seq, data } = await readSnapshot(orgId, async () => ({ ...(await listAll(fetchPage)), statuses: await listStatuses() }));
  return { seq, rows: data.rows, statuses: data.statuses, truncated: data.truncated };
}
