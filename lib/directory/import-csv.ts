import Papa from 'papaparse';
import { normalizeName } from '@/lib/domain/normalize';
import type { Person } from '@/lib/domain/team';
import { validatePeople, type DirectoryImport, type RowError } from './import-result';

type Column = keyof Person;

/** Header names accepted for each column, English and Chinese, compared after `normalizeName` and without spaces, dashes or underscores. */
const HEADER_ALIASES: Record<Column, readonly string[]> = {
  id: ['id', 'personid', '工号', '编号'],
  name: ['name', '姓名', '名字'],
  email: ['email', 'e-mail', 'mail', '邮箱', '电子邮件'],
  roles: ['roles', 'role', '角色'],
  skills: ['skills', 'skill', '技能'],
  industries: ['industries', 'industry', '行业'],
  regions: ['regions', 'region', '区域', '地区'],
  languages: ['languages', 'language', '语言'],
  capacity: ['capacity', '容量', '可支持项目数'],
  openDeals: ['opendeals', 'open deals', '在手项目', '在手项目数'],
};
const REQUIRED_COLUMNS: readonly Column[] = ['id', 'name', 'roles', 'capacity'];
const LIST_COLUMNS: readonly Column[] = ['roles', 'skills', 'industries', 'regions', 'languages'];
const NUMBER_COLUMNS: readonly Column[] = ['capacity', 'openDeals'];
/** Commas separate CSV cells, so list cells use semicolons, pipes or the Chinese enumeration comma. */
const LIST_SEPARATOR = /[;|；、]/;

const HEADER_ROW = 1;
const FIRST_DATA_ROW = 2;

/**
 * A team directory exported from a spreadsheet: one person per row, lists
 * inside a cell separated by ";". Header names may be English or Chinese.
 */
export function importDirectoryCsv(text: string): DirectoryImport {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => columnOf(header) ?? `unknown:${header}`,
  });
  const columns = new Set(parsed.meta.fields ?? []);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    const errors = missing.map((column) => ({ row: HEADER_ROW, path: [column], message: `Missing column "${column}".` }));
    return { ok: false, people: [], validRows: [], errors };
  }

  // Structural problems (a row with too many or too few cells) make the whole row unreliable.
  const structural: RowError[] = parsed.errors
    .filter((error) => error.row !== undefined)
    .map((error) => ({ row: (error.row ?? 0) + FIRST_DATA_ROW, path: [], message: error.message }));

  return validatePeople(
    parsed.data.map((cells, index) => ({ row: index + FIRST_DATA_ROW, input: personInput(cells) })),
    structural,
  );
}

function columnOf(header: string): Column | undefined {
  const key = compact(header);
  return (Object.keys(HEADER_ALIASES) as Column[]).find((column) => HEADER_ALIASES[column].some((alias) => compact(alias) === key));
}

function compact(name: string): string {
  return normalizeName(name).replace(/[\s_-]/g, '');
}

/** Cells as the person schema expects them; empty cells are left out so defaults and "required" messages apply. */
function personInput(cells: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(cells)) {
    // Cells beyond the header arrive as an array under a special key; that row is already reported.
    if (typeof raw !== 'string' || column.startsWith('unknown:')) continue;
    const value = raw.trim();
    if (value === '') continue;
    if (LIST_COLUMNS.includes(column as Column)) input[column] = value.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean);
    else if (NUMBER_COLUMNS.includes(column as Column)) input[column] = Number(value);
    else input[column] = value;
  }
  return input;
}
