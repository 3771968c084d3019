import { parse } from "csv-parse/sync";
import { secretHint, type SecretBox } from "@switchboard/auth";
import { extensionCreateSchema, type ExtensionCreateInput } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";

const IMPORT_MAX_ROWS = 10_000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** CSV headers, as people write them, to the extension's fields. */
const COLUMNS: Record<string, keyof ExtensionCreateInput> = {
  number: "number",
  extension: "number",
  display_name: "displayName",
  displayname: "displayName",
  name: "displayName",
  sip_username: "sipUsername",
  sipusername: "sipUsername",
  username: "sipUsername",
  sip_secret: "sipSecret",
  sipsecret: "sipSecret",
  secret: "sipSecret",
  transport: "transport",
  codecs: "codecs",
  voicemail_enabled: "voicemailEnabled",
  voicemailenabled: "voicemailEnabled",
  voicemail: "voicemailEnabled",
  enabled: "enabled"
};
const REQUIRED: readonly (keyof ExtensionCreateInput)[] = ["number", "displayName", "sipUsername", "sipSecret"];

/** One row ready to write: the secret already sealed (job inputs are stored). */
export interface ImportRow {
  /** The spreadsheet row: the header is row 1. */
  row: number;
  data: Omit<ExtensionCreateInput, "sipSecret" | "userId"> & { sipSecretEnc: string; sipSecretHint: string };
}

interface RowError {
  row: number;
  message: string;
}

export interface ImportPreview {
  total: number;
  valid: ImportRow[];
  errors: RowError[];
}

/** A CSV that cannot be read at all (no header, unknown columns, too big): nothing per row to show. */
export class CsvFormatError extends Error {}

function parseCsv(text: string): string[][] {
  if (Buffer.byteLength(text) > IMPORT_MAX_BYTES) throw new CsvFormatError(`the file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new CsvFormatError(`the file is not valid CSV: ${(error as Error).message}`);
  }
}

function headerFields(header: string[]): (keyof ExtensionCreateInput)[] {
  const fields = header.map((h) => {
    const field = COLUMNS[h.toLowerCase().replace(/[\s-]+/g, "_")] ?? COLUMNS[h.toLowerCase().replace(/[\s_-]+/g, "")];
    if (!field)
      throw new CsvFormatError(
        `unknown column "${h}"; columns are: number, display_name, sip_username, sip_secret, transport, codecs, voicemail_enabled, enabled`
      );
    return field;
  });
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0) throw new CsvFormatError(`missing columns: ${missing.join(", ")}`);
  return fields;
}

/**
 * Validates every row of an extensions CSV before anything is written: each row against the same
 * schema as the extension form, numbers and SIP usernames unique within the file and not already
 * taken in the organization. Valid rows come back with their secret sealed.
 */
export async function previewExtensionCsv(db: DbClient, box: SecretBox, orgId: string, text: string): Promise<ImportPreview> {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new CsvFormatError("the file is empty: the first line must name the columns");
  const fields = headerFields(header);
  if (records.length === 0) throw new CsvFormatError("the file has a header but no rows");
  if (records.length > IMPORT_MAX_ROWS) throw new CsvFormatError(`the file has ${records.length} rows; at most ${IMPORT_MAX_ROWS} can be imported at once`);

  const existing = await db.extension.findMany({ where: { organizationId: orgId }, select: { number: true, sipUsername: true } });
  const takenNumbers = new Map<string, number>(existing.map((e) => [e.number, 0]));
  const takenUsernames = new Map<string, number>(existing.map((e) => [e.sipUsername.toLowerCase(), 0]));
  const valid: ImportRow[] = [];
  const errors: RowError[] = [];
  records.forEach((record, index) => {
    const row = index + 2;
    const raw: Record<string, string> = {};
    fields.forEach((field, i) => {
      const value = record[i];
      if (value !== undefined && value !== "") raw[field] = field === "codecs" ? value.replace(/[;|\s]+/g, ",") : value;
    });
    const parsed = extensionCreateSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ row, message: parsed.error.issues.map((i) => i.message).join("; ") });
      return;
    }
    const { sipSecret, userId: _userId, ...data } = parsed.data;
    const clash =
      duplicateOf(takenNumbers.get(data.number), "number", data.number) ??
      duplicateOf(takenUsernames.get(data.sipUsername.toLowerCase()), "SIP username", data.sipUsername);
    if (clash) {
      errors.push({ row, message: clash });
      return;
    }
    takenNumbers.set(data.number, row);
    takenUsernames.set(data.sipUsername.toLowerCase(), row);
    valid.push({ row, data: { ...data, sipSecretEnc: box.seal(sipSecret), sipSecretHint: secretHint(sipSecret) } });
  });
  return { total: records.length, valid, errors };
}

function duplicateOf(takenAt: number | undefined, what: string, value: string): string | null {
  if (takenAt === undefined) return null;
  return takenAt === 0 ? `an extension with ${what} ${value} already exists` : `${what} ${value} is also on row ${takenAt}`;
}
