import type { PolicyRule } from "@switchboard/auth";
import type { ImportKind, ImportPreviewView, JobKind, JobResult } from "@switchboard/contracts";
import type { ActingViewer, DbTransaction } from "@switchboard/db";
import type { IntegrationDeps } from "../webhooks/deps";
import type { ImportPreview } from "./csv-table";

/** A row as every kind stores it in the job's input: its spreadsheet row and what to write. */
export interface ImportRowBase {
  row: number;
}

export type CreatedItem = NonNullable<JobResult["created"]>[number];

/** What a running import knows besides its rows. */
export interface ImportRun {
  deps: IntegrationDeps;
  jobId: string;
  orgId: string;
  actor: { id: string; name: string } | null;
  /** Where links in what the import offers point (the web app's address when it was started). */
  linkBase: string | null;
}

/**
 * One kind of CSV import: its columns and checks (the preview), how a checked row is written and
 * removed again, and what is left to do once every row is in. The job, its batches, progress,
 * cancel, undo and result are shared (import-runner.ts, import-compensation.ts).
 */
export interface ImportKindSpec<Row extends ImportRowBase, Offer> {
  kind: ImportKind;
  jobKind: Extract<JobKind, `import_${string}`>;
  rule: PolicyRule;
  noun: { one: string; many: string };
  preview(deps: IntegrationDeps, viewer: ActingViewer, csv: string): Promise<ImportPreview<Row>>;
  sample(row: Row): ImportPreviewView["sample"][number];
  created(row: Row): CreatedItem;
  /** Writes one row in the batch's transaction; anything it returns is kept for `finish`. */
  write(tx: DbTransaction, run: ImportRun, row: Row): Promise<Offer | null>;
  /** What identifies a created item for `remove` (unique in the organization: a number, an email). */
  keyOf(created: CreatedItem): string | null;
  /**
   * Deletes, in the transaction given, the items of `keys` that an all-or-nothing import committed
   * before it failed, was cancelled or gave up (import-compensation.ts calls it in chunks).
   */
  remove(tx: DbTransaction, run: ImportRun, keys: string[]): Promise<void>;
  /** After the last row: e.g. the invitation links, offered to the job's starter. */
  finish?(run: ImportRun, offers: Offer[], created: CreatedItem[]): Promise<Pick<JobResult, "file" | "summary"> | null>;
}
