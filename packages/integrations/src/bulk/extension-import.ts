import { RULES } from "@switchboard/auth";
import { translatePrismaError } from "@switchboard/db";
import { previewExtensionCsv, type ExtensionImportRow } from "./extension-csv";
import type { ImportKindSpec } from "./import-kind";

const UNIQUE = {
  number: ["number", "an extension with this number already exists"],
  sip_username: ["sipUsername", "an extension with this SIP username already exists"]
} satisfies Record<string, [string, string]>;

/** Extensions from CSV: admins only. */
export const extensionImport: ImportKindSpec<ExtensionImportRow, never> = {
  kind: "extensions",
  jobKind: "import_extensions",
  rule: RULES.importExtensions,
  noun: { one: "extension", many: "extensions" },
  preview: (deps, viewer, csv) => previewExtensionCsv(deps.db, deps.box, viewer.orgId, csv),
  sample: (r) => ({ row: r.row, number: r.data.number, displayName: r.data.displayName, sipUsername: r.data.sipUsername }),
  created: (r) => ({ row: r.row, number: r.data.number }),
  async write(tx, run, item) {
    await tx.extension
      .create({ data: { ...item.data, organizationId: run.orgId, userId: null } })
      .catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"));
    return null;
  },
  keyOf: (c) => ("number" in c ? c.number : null),
  /** By number: numbers are unique per organization. */
  async remove(tx, run, numbers) {
    await tx.extension.deleteMany({ where: { organizationId: run.orgId, number: { in: numbers } } });
  }
};
