import { validate } from '@/lib/domain/issues';
import { PersonSchema, type Person } from '@/lib/domain/team';

/** One problem in an imported directory. */
export interface RowError {
  /**
   * The row as a person finds it: the spreadsheet row for CSV (the header is
   * row 1), the 1-based position in the array for JSON. Null for a problem
   * with the file as a whole (not JSON, a missing column…).
   */
  row: number | null;
  /** Path to the field inside the row, e.g. `['capacity']` or `['roles', 1]`. */
  path: (string | number)[];
  message: string;
}

/**
 * `people` are the valid rows (their row numbers in `validRows`). `ok` is
 * true only when every row is valid: the caller applies `people` only if
 * `ok`, or knowingly imports the valid rows and shows `errors`.
 */
export interface DirectoryImport {
  ok: boolean;
  people: Person[];
  validRows: number[];
  errors: RowError[];
}

/** Large enough for any sales organisation, small enough to keep one import from filling storage. */
export const MAX_DIRECTORY_ROWS = 20_000;

export function fileError(message: string): DirectoryImport {
  return { ok: false, people: [], validRows: [], errors: [{ row: null, path: [], message }] };
}

/** Validates rows one by one; a bad row is reported and leaves the others alone. Duplicate ids keep the first row. */
export function validatePeople(rows: readonly { row: number; input: unknown }[], earlierErrors: readonly RowError[] = []): DirectoryImport {
  if (rows.length > MAX_DIRECTORY_ROWS) return fileError(`The directory has ${rows.length} rows; at most ${MAX_DIRECTORY_ROWS} are accepted.`);
  const errors = [...earlierErrors];
  const rowsWithErrors = new Set(earlierErrors.map((error) => error.row));
  const firstRowOfId = new Map<string, number>();
  const people: Person[] = [];
  const validRows: number[] = [];

  for (const { row, input } of rows) {
    if (rowsWithErrors.has(row)) continue;
    const parsed = validate(PersonSchema, input);
    if (!parsed.ok) {
      errors.push(...parsed.issues.map((issue) => ({ row, ...issue })));
      continue;
    }
    const firstRow = firstRowOfId.get(parsed.value.id);
    if (firstRow !== undefined) {
      errors.push({ row, path: ['id'], message: `Duplicate id "${parsed.value.id}" (first used in row ${firstRow}).` });
      continue;
    }
    firstRowOfId.set(parsed.value.id, row);
    people.push(parsed.value);
    validRows.push(row);
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ok: errors.length === 0, people, validRows, errors };
}
