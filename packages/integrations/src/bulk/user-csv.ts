import { assignableRoles, canInviteAs, USER_DENIALS } from "@switchboard/auth";
import { emailSchema, personNameSchema, roleSchema, type Role } from "@switchboard/contracts";
import type { ActingViewer, DbClient } from "@switchboard/db";
import { readCsvTable, UniqueValues, type CsvColumns, type ImportPreview, type RowError } from "./csv-table";

type Field = "email" | "name" | "role" | "offices";

const COLUMNS: CsvColumns<Field> = {
  aliases: { email: "email", e_mail: "email", email_address: "email", name: "name", full_name: "name", role: "role", offices: "offices", office: "offices" },
  required: ["email", "name", "role"],
  described: "email, name, role, offices (office names separated by ;)",
  maxRows: 1_000
};

/** One person ready to write: offices resolved to ids (and kept by name for the preview). */
export interface UserImportRow {
  row: number;
  data: { email: string; name: string; role: Role; officeIds: string[]; offices: string[] };
}

const ROLE_PROBLEM = `role must be one of: ${roleSchema.options.join(", ")}`;

function problemsOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

/**
 * Validates every row of a users CSV before anything is written: email, name and role as the invite
 * form checks them; emails unique within the file and not already in use; offices named as the
 * organization names them; and only roles the importing user may give (supervisors: agents and
 * customers). Customers belong to no office.
 */
export async function previewUserCsv(db: DbClient, viewer: ActingViewer, text: string): Promise<ImportPreview<UserImportRow>> {
  const records = readCsvTable(text, COLUMNS);
  const offices = await db.office.findMany({ where: { organizationId: viewer.orgId }, select: { id: true, name: true } });
  const officeByName = new Map(offices.map((o) => [o.name.toLowerCase(), o]));
  const emails = records.flatMap((r) => {
    const parsed = emailSchema.safeParse(r.cells.email ?? "");
    return parsed.success ? [parsed.data] : [];
  });
  const taken = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  const unique = new UniqueValues(taken.map((u) => u.email));
  const valid: UserImportRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of records) {
    const email = emailSchema.safeParse(cells.email ?? "");
    const name = personNameSchema.safeParse(cells.name ?? "");
    const role = roleSchema.safeParse(cells.role?.toLowerCase() ?? "");
    const names = (cells.offices ?? "")
      .split(";")
      .map((o) => o.trim())
      .filter(Boolean);
    const problems = [...problemsOf(email), ...problemsOf(name), ...(role.success ? [] : [ROLE_PROBLEM])];
    if (role.success && !canInviteAs(viewer, role.data)) problems.push(USER_DENIALS.role(assignableRoles(viewer)));
    if (role.success && role.data === "customer" && names.length) problems.push(USER_DENIALS.customerOffices);
    const found = names.map((n) => officeByName.get(n.toLowerCase()));
    names.forEach((n, i) => {
      if (!found[i]) problems.push(`unknown office "${n}"`);
    });
    const clash = email.success ? unique.clash(email.data, `email ${email.data}`, `email ${email.data} is already in use`) : null;
    if (clash) problems.push(clash);
    if (problems.length > 0 || !email.success || !name.success || !role.success) {
      errors.push({ row, message: problems.join("; ") });
      continue;
    }
    unique.claim(email.data, row);
    const resolved = found.filter((o) => o !== undefined);
    valid.push({
      row,
      data: { email: email.data, name: name.data, role: role.data, officeIds: [...new Set(resolved.map((o) => o.id))], offices: resolved.map((o) => o.name) }
    });
  }
  return { total: records.length, valid, errors };
}
