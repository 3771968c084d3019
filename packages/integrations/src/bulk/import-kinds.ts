import type { ImportKind, JobKind } from "@switchboard/contracts";
import { extensionImport } from "./extension-import";
import type { ImportKindSpec, ImportRowBase } from "./import-kind";
import { userImport } from "./user-import";

type AnyImportKind = ImportKindSpec<ImportRowBase, unknown>;

const KINDS: Record<ImportKind, AnyImportKind> = {
  extensions: extensionImport as unknown as AnyImportKind,
  users: userImport as unknown as AnyImportKind
};

export function importKind(kind: ImportKind): AnyImportKind {
  return KINDS[kind];
}

/** The import a job row runs, by its kind; null for a job that is not an import. */
export function importKindOfJob(jobKind: JobKind): AnyImportKind | null {
  return Object.values(KINDS).find((k) => k.jobKind === jobKind) ?? null;
}
