import { parse } from "csv-parse/sync";

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** A CSV that cannot be read at all (no header, unknown columns, too big): nothing per row to show. */
export class CsvFormatError extends Error {}

export interface RowError {
  row: number;
  message: string;
}

/** What a preview found: every row checked, the valid ones ready to write. */
export interface ImportPreview<Row> {
  total: number;
  valid: Row[];
  errors: RowError[];
}

/** One kind's columns: CSV headers (as people write them, normalized) to fields. */
export interface CsvColumns<Field extends string> {
  aliases: Record<string, Field>;
  required: readonly Field[];
  /** The columns as the "unknown column" message lists them. */
  described: string;
  maxRows: number;
}

/** A data row: its spreadsheet row number (the header is row 1) and its non-empty cells by field. */
export interface CsvRecord<Field extends string> {
  row: number;
  cells: Partial<Record<Field, string>>;
}

function parseCsv(text: string): string[][] {
  if (Buffer.byteLength(text) > IMPORT_MAX_BYTES) throw new CsvFormatError(`the file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new CsvFormatError(`the file is not valid CSV: ${(error as Error).message}`);
  }
}

function headerFields<Field extends string>(header: string[], columns: CsvColumns<Field>): Field[] {
  const fields = header.map((h) => {
    const field = columns.aliases[h.toLowerCase().replace(/[\s-]+/g, "_")] ?? columns.aliases[h.toLowerCase().replace(/[\s_-]+/g, "")];
    if (!field) throw new CsvFormatError(`unknown column "${h}"; columns are: ${columns.described}`);
    return field;
  });
  const missing = columns.required.filter((f) => !fields.includes(f));
  if (missing.length > 0) throw new CsvFormatError(`missing columns: ${missing.join(", ")}`);
  return fields;
}

/** Reads a CSV whose first line names the columns; refuses the whole file when it cannot be read. */
export function readCsvTable<Field extends string>(text: string, columns: CsvColumns<Field>): CsvRecord<Field>[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new CsvFormatError("the file is empty: the first line must name the columns");
  const fields = headerFields(header, columns);
  if (records.length === 0) throw new CsvFormatError("the file has a header but no rows");
  if (records.length > columns.maxRows) throw new CsvFormatError(`the file has ${records.length} rows; at most ${columns.maxRows} can be imported at once`);
  return records.map((record, index) => {
    const cells: Partial<Record<Field, string>> = {};
    fields.forEach((field, i) => {
      const value = record[i];
      if (value !== undefined && value !== "") cells[field] = value;
    });
    return { row: index + 2, cells };
  });
}

/**
 * Values that must be unique: those already taken in the database (row 0) and those claimed by an
 * earlier row of the file. `clash` says which, for the row's error.
 */
export class UniqueValues {
  private readonly taken = new Map<string, number>();

  constructor(existing: Iterable<string>) {
    for (const value of existing) this.taken.set(value, 0);
  }

  /** Why `value` cannot be used ("…already exists" / "…also on row N"), or null. */
  clash(value: string, what: string, existing: string): string | null {
    const at = this.taken.get(value);
    if (at === undefined) return null;
    return at === 0 ? existing : `${what} is also on row ${at}`;
  }

  claim(value: string, row: number): void {
    this.taken.set(value, row);
  }
}
