import { deepQueryAll, displayedValue, isRendered, labelledCells } from '@/lib/crm/dom';
import { inferFields } from '@/lib/crm/adapters/generic/infer-fields';
import { cleanText, normaliseLabel } from '@/lib/crm/parse';
import type { RecordField } from '@/lib/crm/snapshot';
import type { RuleLocator } from './schema';
import { isSafeLocator } from './selector-safety';

// What a page rule points at in a record: the value of the first rendered
// element its selector matches (open shadow roots included), or the value the
// generic label/value reader pairs with its label, else the cell under a
// column of that name. Small and DOM-only, so a reader in the content script
// can apply rules on every read; deriving rules lives in derive.ts.

/** The first rendered element `selector` matches under `root`, or null. */
export function elementForSelector(root: Element, selector: string): Element | null {
  return deepQueryAll(root, selector).find((element) => isRendered(element)) ?? null;
}

/** Rows of tables and grids looked at for a column's value, so a giant list costs a known maximum. */
const MAX_ROWS = 2_000;

/** The value of the first table or grid row under `root` whose cell in column `key` (a normalised label) has one. */
function valueInColumn(root: Element, key: string): string | null {
  let found: string | null = null;
  for (const row of Array.from(root.querySelectorAll('tr, [role="row"]')).slice(0, MAX_ROWS)) {
    const cell = labelledCells(row).find(([label]) => normaliseLabel(label) === key);
    if (!cell || !isRendered(cell[1])) continue;
    const value = displayedValue(cell[1]);
    if (value) return value;
    found ??= value;
  }
  return found;
}

/** The value shown beside the label `label` in `root`: the first label/value pair of that label, else the first cell of that column; null when no field has that label. */
function valueBesideLabel(root: Element, label: string, fields: readonly RecordField[]): string | null {
  const key = normaliseLabel(label);
  const field = fields.find((pair) => normaliseLabel(pair.label) === key);
  if (field) return field.value;
  return valueInColumn(root, key);
}

/**
 * The value text `locator` points at in the record under `root`, cleaned as
 * readers clean values: "" for a matched element or label that shows nothing,
 * null when the locator matches nothing (the rule has gone stale) or is not
 * a safe locator. `fields`: the label/value pairs of `root` when the caller
 * has read them already (`inferFields(root)`), so several rules share one walk.
 * Never throws.
 */
export function resolveLocator(root: Element, locator: RuleLocator, fields?: readonly RecordField[]): string | null {
  try {
    if (!isSafeLocator(locator)) return null;
    if (locator.kind === 'selector') {
      const element = elementForSelector(root, locator.selector);
      return element ? cleanText(displayedValue(element)) : null;
    }
    const value = valueBesideLabel(root, locator.label, fields ?? inferFields(root));
    return value === null ? null : cleanText(value);
  } catch {
    return null;
  }
}
