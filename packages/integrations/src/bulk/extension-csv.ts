import { secretHint, type SecretBox } from "@switchboard/auth";
import { extensionCreateSchema, type ExtensionCreateInput } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import { readCsvTable, UniqueValues, type CsvColumns, type ImportPreview, type RowError } from "./csv-table";

type Field = keyof ExtensionCreateInput;

const COLUMNS: CsvColumns<Field> = {
  aliases: {
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
  },
  required: ["number", "displayName", "sipUsername", "sipSecret"],
  described: "number, display_name, sip_username, sip_secret, transport, codecs, voicemail_enabled, enabled",
  maxRows: 10_000
};

/** One extension ready to write: the secret already sealed (job inputs are stored). */
export interface ExtensionImportRow {
  /** The spreadsheet row: the header is row 1. */
  row: number;
  data: Omit<ExtensionCreateInput, "sipSecret" | "userId"> & { sipSecretEnc: string; sipSecretHint: string };
}

/**
 * Validates every row of an extensions CSV before anything is written: each row against the same
 * schema as the extension form, numbers and SIP usernames unique within the file and not already
 * taken in the organization. Valid rows come back with their secret sealed.
 */
export async function previewExtensionCsv(db: DbClient, box: SecretBox, orgId: string, text: string): Promise<ImportPreview<ExtensionImportRow>> {
  const records = readCsvTable(text, COLUMNS);
  const existing = await db.extension.findMany({ where: { organizationId: orgId }, select: { number: true, sipUsername: true } });
  const numbers = new UniqueValues(existing.map((e) => e.number));
  const usernames = new UniqueValues(existing.map((e) => e.sipUsername.toLowerCase()));
  const valid: ExtensionImportRow[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of records) {
    const parsed = extensionCreateSchema.safeParse(cells.codecs ? { ...cells, codecs: cells.codecs.replace(/[;|\s]+/g, ",") } : cells);
    if (!parsed.success) {
      errors.push({ row, message: parsed.error.issues.map((i) => i.message).join("; ") });
      continue;
    }
    const { sipSecret, userId: _userId, ...data } = parsed.data;
    const username = data.sipUsername.toLowerCase();
    const clash =
      numbers.clash(data.number, `number ${data.number}`, `an extension with number ${data.number} already exists`) ??
      usernames.clash(username, `SIP username ${data.sipUsername}`, `an extension with SIP username ${data.sipUsername} already exists`);
    if (clash) {
      errors.push({ row, message: clash });
      continue;
    }
    numbers.claim(data.number, row);
    usernames.claim(username, row);
    valid.push({ row, data: { ...data, sipSecretEnc: box.seal(sipSecret), sipSecretHint: secretHint(sipSecret) } });
  }
  return { total: records.length, valid, errors };
}
