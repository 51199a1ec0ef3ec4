import { displayedValue, visibleText } from '@/lib/crm/dom';
import { cleanText } from '@/lib/crm/parse';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { contactFromPairs } from '@/lib/crm/adapters/common';
import { inferFields } from './infer-fields';
import { decodeComponent } from './url';

// Contacts in the elements a user's `contacts` selector matches.

const CONTACT_LABELS = {
  name: ['name', 'contact', 'contact name', 'full name', '姓名', '名称', '联系人'],
  title: ['title', 'job title', 'position', '职位', '职务', '头衔'],
  role: ['role', 'contact role', '角色'],
  email: ['email', 'e-mail', 'email address', '邮箱', '电子邮件', '电子邮箱'],
} as const satisfies Readonly<Record<keyof RecordContact, readonly string[]>>;

/** A table row's cells labelled by their column headers (Chromium: InferLabelFromTableColumn). */
function columnFields(row: Element): RecordField[] {
  if (row.localName !== 'tr') return [];
  const table = row.closest('table');
  const headerRow = table?.querySelector('thead tr') ?? table?.querySelector('tr');
  if (!headerRow || headerRow === row) return [];
  const cellsOf = (tr: Element) => Array.from(tr.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
  const headers = cellsOf(headerRow).map((cell) => visibleText(cell));
  return cellsOf(row)
    .map((cell, i) => ({ label: headers[i] ?? '', value: displayedValue(cell) }))
    .filter((field) => field.label);
}

/** The address of the element's first mailto: link, "" when it has none. */
function mailtoAddress(element: Element): string {
  const mail = element.querySelector('a[href^="mailto:" i]')?.getAttribute('href') ?? '';
  const address = decodeComponent(mail.slice('mailto:'.length).split('?')[0] ?? '').trim();
  return /^[^\s@]{1,64}@[^\s@]{1,255}$/.test(address) ? cleanText(address) : '';
}

/**
 * One contact from an element the user's `contacts` selector matched: its
 * labelled fields; without a labelled e-mail or name, its mailto: link and
 * its heading (or text). Those go after the labelled pairs, where the first
 * value of a column wins.
 */
export function contactFrom(element: Element): RecordContact | null {
  const labelled = [...inferFields(element), ...columnFields(element)].map((field) => [field.label, field.value] as const);
  const named = element.querySelector('h1,h2,h3,h4,h5,h6,strong,b,a:not([href^="mailto:" i])');
  const shown = [
    [CONTACT_LABELS.email[0], mailtoAddress(element)],
    [CONTACT_LABELS.name[0], (named && visibleText(named)) || visibleText(element)],
  ] as const;
  return contactFromPairs([...labelled, ...shown], CONTACT_LABELS);
}
