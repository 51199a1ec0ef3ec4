import { isRendered, visibleText } from '@/lib/crm/dom';
import { normaliseLabel } from '@/lib/crm/parse';
import type { ExpectedPart, RecordField } from '@/lib/crm/snapshot';
import { PART_ORDER } from '@/lib/crm/adapters/common';

// Well-known parts (name, stage…) picked from inferred fields by their labels,
// in English and Chinese.

/** Labels of each part, best first (compared after normaliseLabel). */
export const PART_LABELS: Readonly<Record<ExpectedPart, readonly string[]>> = {
  name: ['name', 'deal', 'opportunity', 'subject', 'title', '名称', '商机', '主题', '标题'],
  stage: ['stage', 'status', 'phase', '阶段', '状态'],
  amount: ['amount', 'value', 'deal value', 'expected revenue', '金额', '价值', '预计收入'],
  closeDate: ['close date', 'expected close', 'expected close date', 'closing date', 'expected closing date', '结束日期', '成交日期', '预计成交日期', '预计结束日期'],
  owner: ['owner', 'assigned to', 'assigned user', 'salesperson', 'sales rep', '负责人', '所有人', '销售员'],
  account: ['account', 'company', 'organization', 'organisation', 'customer', 'account name', 'company name', 'organization name', 'customer name', '客户', '公司', '组织', '客户名称', '公司名称', '组织名称'],
};

/** Words naming the record itself: "Deal stage" is the stage, "商机名称" the name. */
const RECORD_PREFIXES = ['deal ', 'opportunity ', 'sales ', '业务机会', '商机', '销售'];

/** The part a label names, with its rank (lower is a better match), or null. */
export function partForLabel(label: string): { part: ExpectedPart; rank: number } | null {
  const key = normaliseLabel(label);
  const candidates = [key];
  for (const prefix of RECORD_PREFIXES) if (key.startsWith(prefix) && key.length > prefix.length) candidates.push(key.slice(prefix.length).trim());
  for (const candidate of candidates) {
    for (const part of PART_ORDER) {
      const rank = PART_LABELS[part].indexOf(candidate);
      if (rank >= 0) return { part, rank };
    }
  }
  return null;
}

/** The value of each part: the best-ranked label with a value, the first in page order on a tie. */
export function partsFrom(fields: readonly RecordField[]): Partial<Record<ExpectedPart, string>> {
  const best: Partial<Record<ExpectedPart, { rank: number; value: string }>> = {};
  for (const field of fields) {
    if (!field.value) continue;
    const match = partForLabel(field.label);
    if (!match) continue;
    const current = best[match.part];
    if (!current || match.rank < current.rank) best[match.part] = { rank: match.rank, value: field.value };
  }
  const out: Partial<Record<ExpectedPart, string>> = {};
  for (const part of PART_ORDER) if (best[part]) out[part] = best[part].value;
  return out;
}

/** The text of the first rendered h1 in `root`, else in its document: the record's name when no label names it. */
export function firstHeading(root: Element): string {
  const inRoot = Array.from(root.querySelectorAll('h1'));
  const inDocument = root.ownerDocument ? Array.from(root.ownerDocument.querySelectorAll('h1')) : [];
  for (const heading of [...inRoot, ...inDocument]) {
    if (!isRendered(heading)) continue;
    const text = visibleText(heading);
    if (text) return text;
  }
  return '';
}
