/**
 * Values a CRM field holds when nobody knows yet ("TBD", "待定", "-"): shown
 * as they are, never taken for a captured fact. Compared after trimming,
 * ignoring case and trailing dots.
 */
const PLACEHOLDERS = new Set([
  '-', '--', '—', '–', '/', '?', '??', '...', '…', '0',
  'tbd', 'tba', 'tbc', 'n/a', 'na', 'none', 'null', 'unknown', 'pending', 'to be defined', 'to be confirmed', 'not yet', 'not known',
  '待定', '待确认', '未知', '暂无', '无', '不详', '未定', '待补充', '待填写', '空',
]);

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.normalize('NFKC').trim().replace(/\.+$/, '').toLowerCase());
}
