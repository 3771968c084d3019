import "server-only";
import type { Page } from "@switchboard/contracts";

/** Most rows a console list loads; the page then searches, sorts and pages them in the browser. */
export const LIST_LIMIT = 5000;
const PAGE = 200;

/** Walks a paged service list to the end (or LIST_LIMIT rows). */
export async function listAll<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(page, PAGE);
    rows.push(...result.data);
    if (rows.length >= result.total || result.data.length < PAGE) return { rows, truncated: false };
    if (rows.length >= LIST_LIMIT) return { rows: rows.slice(0, LIST_LIMIT), truncated: true };
  }
}
