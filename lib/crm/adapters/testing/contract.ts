// The tests every CRM adapter must pass, registered once for each adapter's test
// file: its fixtures are faithful and self-contained, each one reads to the
// expected extraction, hostile page content comes back as bounded literal text,
// and every selector variant matches what the fixtures say it should. The
// adapter-specific tests (URLs, finding the record, fallbacks) stay beside it.
import { describe, expect, it } from 'vitest';
import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import { deepQueryAll, deepScope } from '@/lib/crm/dom';
import { MAX_CONTACTS, MAX_FIELDS, MAX_TEXT } from '@/lib/crm/limits';
import { RecordSnapshotSchema } from '@/lib/crm/snapshot';
import type { FixtureEntry, FixtureIndex } from './fixtures';

/** One expected reading of a fixture; `extraction: null` when no record root is in the page. */
export interface FixtureExpectation {
  ref: RecordRef;
  extraction: Extraction | null;
}

/** A place on the page the adapter reads one value from. */
export interface ValueSlot {
  /** Names the value in test titles. */
  name: string;
  /** Puts `text` on the page where the adapter reads this value. */
  write: (doc: Document, text: string) => void;
  /** The value as the adapter returned it. */
  read: (extraction: Extraction) => string | undefined;
  /** A 50 000-character text the value accepts (an amount needs digits); letters by default. */
  longText?: string;
  /** The value the adapter gives for `text` written here, when the page adds to it (a currency symbol); `text` by default. */
  readsAs?: (text: string) => string;
  /** The length a long value is cut to, when the page's text holds more than the value; MAX_TEXT by default. */
  cutTo?: number;
}

/** Grows a page's contacts or fields past the adapter's limits. */
export interface PageGrowth {
  /** The fixture to grow; the hostile-content fixture by default. */
  file?: string;
  /** Adds `count` more contacts (or fields) to the page. */
  grow: (doc: Document, count: number) => void;
}

export interface AdapterContract {
  crm: string;
  adapter: CrmAdapter;
  /** The fixture index and loaders (from fixturesOf, with any CRM-specific loading). */
  fixtures: {
    index: FixtureIndex;
    files: string[];
    readHtml: (file: string) => string;
    load: (file: string) => Document;
    urlOf: (file: string) => URL;
  };
  /** fixtures.json, in order. */
  expectedFiles: string[];
  /** The host fixtures.json serves its fixtures under. */
  host: string;
  /** What every record path looks like, or a check of each fixture entry. */
  pathPattern: RegExp | ((fixture: FixtureEntry) => boolean);
  /** The part of a path the fixture server tells fixtures apart by (all of it by default). */
  servedPath?: (path: string) => string;
  /** What the comment in each fixture's head names: its public references. */
  referencePattern: RegExp;
  /** Whether a fixture holds its one view only (false where it also shows other views, e.g. cached or console tabs). */
  singleView?: boolean;
  /** An element each fixture's view holds exactly once. */
  viewHolds?: string;
  /** The reading of each fixture. */
  expectations: Record<string, FixtureExpectation>;
  /** What the record root itself is. */
  rootMatches?: string;
  /** App chrome the record root must not include. */
  outsideRoot?: string;
  /** The record the hostile-content tests rewrite. */
  hostile: {
    file: string;
    ref: RecordRef;
    /** Values the adapter reads as text; markup and long text are written into each. */
    slots: ValueSlot[];
    contacts: PageGrowth;
    fields: PageGrowth;
  };
  /** The adapter's selector variants, by id. */
  selectors: Readonly<Record<string, readonly string[]>>;
  /** How many elements each variant (`id.index`) matches in each fixture, in fixtures.json order. */
  selectorCounts: Record<string, number[]>;
  /** Counts a selector's matches in one fixture; through open shadow roots by default. */
  matchCounter?: (doc: Document) => (selector: string) => number;
}

const ALL_MISSING = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];
/** Markup that would render an element, run a handler and close its container if parsed. */
const MARKUP = '</div><img src=x onerror=alert(1)><b>Eve</b>';

const viewNameOf = (file: string) => file.replace('.html', '');
const deepCounter = (doc: Document) => {
  const scope = deepScope(doc);
  return (selector: string) => deepQueryAll(scope, selector).length;
};

export function describeAdapterContract(contract: AdapterContract): void {
  const { crm, adapter, fixtures, expectations, hostile } = contract;
  const { index, files, readHtml, load, urlOf } = fixtures;

  const read = (file: string, doc: Document) => {
    const ref = adapter.recognize(urlOf(file), doc);
    const root = ref ? adapter.findRecordRoot(doc, ref) : null;
    return { ref, root, extraction: ref && root ? adapter.extract(root, ref) : null };
  };
  /** What the content script sends on for `extraction`. */
  const snapshotOf = (extraction: Extraction, ref: RecordRef, url: string) => ({
    ...extraction,
    crm,
    adapter: adapter.id,
    host: index.host,
    url,
    readAt: 1,
    ...ref,
  });
  const readHostile = (doc: Document) => adapter.extract(adapter.findRecordRoot(doc, hostile.ref)!, hostile.ref);

  describe(`${crm} adapter contract`, () => {
    describe('fixtures.json', () => {
      it('lists every fixture once, with a unique record path', () => {
        expect(files).toEqual(contract.expectedFiles);
        expect(index.host).toBe(contract.host);
        const served = contract.servedPath ?? ((path: string) => path);
        expect(new Set(index.fixtures.map((fixture) => served(fixture.path))).size).toBe(files.length);
        const { pathPattern } = contract;
        for (const fixture of index.fixtures) {
          if (pathPattern instanceof RegExp) expect(fixture.path).toMatch(pathPattern);
          else expect(fixture, fixture.path).toSatisfy(pathPattern);
        }
      });

      it.each(files)('%s is a self-contained document that names its references', (file) => {
        const html = readHtml(file);
        expect(html.startsWith('<!doctype html>')).toBe(true);
        const head = html.slice(0, html.indexOf('</head>'));
        expect(head).toMatch(contract.referencePattern);
        expect(html).not.toMatch(/<script|<link|<iframe|\bsrc=|url\(|@import|https?:\/\//i);
        const doc = load(file);
        if (contract.singleView ?? true) expect(doc.querySelectorAll('[data-fixture-view]')).toHaveLength(1);
        const view = doc.querySelector(`[data-fixture-view="${viewNameOf(file)}"]`);
        expect(view).not.toBeNull();
        if (contract.viewHolds) expect(view?.querySelectorAll(contract.viewHolds)).toHaveLength(1);
      });
    });

    describe('reading each fixture', () => {
      it('has an expectation for every fixture and no stale ones', () => {
        expect(Object.keys(expectations).sort()).toEqual([...files].sort());
      });

      it.each(files)('%s', (file) => {
        const expected = expectations[file];
        if (!expected) throw new Error(`no expectation for ${file}`);
        const { ref, root, extraction } = read(file, load(file));
        expect(ref).toEqual(expected.ref);
        if (adapter.objectTypes !== 'any' && !adapter.objectTypes.includes(expected.ref.objectType)) return;
        if (expected.extraction === null) {
          expect(root).toBeNull();
          return;
        }
        // The root is the fixture's own record view, not a hidden or earlier one, nor the app around it.
        expect(root?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view')).toBe(viewNameOf(file));
        if (contract.rootMatches) expect(root?.matches(contract.rootMatches)).toBe(true);
        if (contract.outsideRoot) expect(root?.querySelector(contract.outsideRoot)).toBeNull();
        expect(extraction).toStrictEqual(expected.extraction);
        expect(RecordSnapshotSchema.safeParse(snapshotOf(extraction!, ref!, urlOf(file).href)).success).toBe(true);
      });
    });

    describe('hostile content', () => {
      it(`returns markup in a value as literal text and never renders it (${hostile.slots.map((slot) => slot.name).join(', ')})`, () => {
        const doc = load(hostile.file);
        const bold = doc.querySelectorAll('b').length;
        for (const slot of hostile.slots) slot.write(doc, MARKUP);
        const extraction = readHostile(doc);
        for (const slot of hostile.slots) expect(slot.read(extraction), slot.name).toBe(slot.readsAs?.(MARKUP) ?? MARKUP);
        expect(doc.querySelectorAll('img')).toHaveLength(0);
        expect(doc.querySelectorAll('b')).toHaveLength(bold);
      });

      it(`cuts a 50 000-character value to MAX_TEXT (${hostile.slots.map((slot) => slot.name).join(', ')})`, () => {
        const doc = load(hostile.file);
        for (const slot of hostile.slots) slot.write(doc, slot.longText ?? 'A'.repeat(50_000));
        const extraction = readHostile(doc);
        for (const slot of hostile.slots) {
          const value = slot.read(extraction) ?? '';
          expect(value, slot.name).toHaveLength(slot.cutTo ?? MAX_TEXT);
          expect(value.endsWith('…'), slot.name).toBe(true);
        }
        expect(RecordSnapshotSchema.safeParse(snapshotOf(extraction, hostile.ref, 'https://x/')).success).toBe(true);
      });

      it('never throws, whatever it is given', () => {
        const throwing = new Proxy(
          {},
          {
            get() {
              throw new Error('hostile');
            },
          },
        ) as unknown as Element;
        const nothing = { fields: [], contacts: [], missing: ALL_MISSING };
        expect(adapter.extract(throwing, hostile.ref)).toStrictEqual(nothing);
        expect(adapter.findRecordRoot(throwing as unknown as Document, hostile.ref)).toBeNull();
        expect(adapter.recognize(throwing as unknown as URL, throwing as unknown as Document)).toBeNull();
        expect(adapter.extract(document.createElement('div'), hostile.ref)).toStrictEqual(nothing);
      });

      it('bounds the number of contacts it returns', () => {
        const file = hostile.contacts.file ?? hostile.file;
        const doc = load(file);
        hostile.contacts.grow(doc, MAX_CONTACTS + 100);
        const extraction = readHostile(doc);
        expect(extraction.contacts).toHaveLength(MAX_CONTACTS);
        // Still a whole record: the parts read before are read.
        expect(extraction.missing).toEqual(readHostile(load(file)).missing);
      });

      it('bounds the number of fields it returns', () => {
        const file = hostile.fields.file ?? hostile.file;
        const doc = load(file);
        hostile.fields.grow(doc, MAX_FIELDS + 100);
        const extraction = readHostile(doc);
        expect(extraction.fields).toHaveLength(MAX_FIELDS);
        expect(extraction.missing).toEqual(readHostile(load(file)).missing);
      });
    });

    describe('selector variants match what the fixtures expect', () => {
      const counters = files.map((file) => (contract.matchCounter ?? deepCounter)(load(file)));
      const variants = Object.entries(contract.selectors).flatMap(([id, list]) => list.map((selector, i) => [`${id}.${i}`, selector] as const));

      it('has an expected count for every variant and no stale rows', () => {
        expect(Object.keys(contract.selectorCounts).sort()).toEqual(variants.map(([key]) => key).sort());
      });

      it.each(variants)('%s  %s', (key, selector) => {
        expect(counters.map((count) => count(selector))).toEqual(contract.selectorCounts[key]);
      });
    });
  });
}

/** How a value slot reads its value back from an extraction. */
export const slotReads = {
  name: (extraction: Extraction) => extraction.name,
  amount: (extraction: Extraction) => extraction.amount?.text,
  account: (extraction: Extraction) => extraction.account,
  /** The field the page names `apiName`. */
  field: (apiName: string) => (extraction: Extraction) => extraction.fields.find((field) => field.apiName === apiName)?.value,
  /** The field labelled `label`, for pages that do not name their fields. */
  fieldLabelled: (label: string) => (extraction: Extraction) => extraction.fields.find((field) => field.label === label)?.value,
  contact: (index: number) => (extraction: Extraction) => extraction.contacts[index]?.name,
};

/** Writes a value slot's text as the content of the first element `selector` matches. */
export const writeText = (selector: string) => (doc: Document, text: string) => {
  doc.querySelector(selector)!.textContent = text;
};
