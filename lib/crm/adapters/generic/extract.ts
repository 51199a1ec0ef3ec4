import type { Extraction } from '@/lib/crm/adapter';
import { deepScope, displayedValue, type DeepScope } from '@/lib/crm/dom';
import { MAX_CONTACTS } from '@/lib/crm/limits';
import type { ExpectedPart, RecordContact } from '@/lib/crm/snapshot';
import { attempt, extractionOf } from '@/lib/crm/adapters/common';
import { contactFrom } from './contacts';
import { inferFields } from './infer-fields';
import { firstHeading, partsFrom } from './parts';
import { matchesOf, type CustomSelectors } from './selectors';

/**
 * Reads the record in `root`. With `selectors`, a part that has one is read
 * from it and only from it (not found -> missing, so a broken selector shows);
 * the other parts are inferred. Never throws.
 */
export function extractGenericRecord(root: Element, selectors: CustomSelectors = {}): Extraction {
  let rootScope: DeepScope | undefined;
  let documentScope: DeepScope | undefined;
  const scopes = [
    () => (rootScope ??= deepScope(root)),
    () => (documentScope ??= root.ownerDocument ? deepScope(root.ownerDocument) : { roots: [], truncated: false }),
  ];
  const contactElements = selectors.contacts ? attempt(() => matchesOf(scopes, selectors.contacts as string), []) : [];
  const fields = inferFields(root, contactElements);
  const inferred = partsFrom(fields);
  const readPart = (part: ExpectedPart): string => {
    const selector = selectors[part];
    if (!selector) return inferred[part] ?? (part === 'name' ? attempt(() => firstHeading(root), '') : '');
    const element = attempt(() => matchesOf(scopes, selector)[0], undefined);
    return element ? attempt(() => displayedValue(element), '') : '';
  };
  return extractionOf({
    parts: {
      name: readPart('name'),
      stage: readPart('stage'),
      amount: readPart('amount'),
      closeDate: readPart('closeDate'),
      owner: readPart('owner'),
      account: readPart('account'),
    },
    fields,
    contacts: attempt(
      () =>
        contactElements
          .slice(0, MAX_CONTACTS)
          .map(contactFrom)
          .filter((c): c is RecordContact => c !== null),
      [],
    ),
  });
}
