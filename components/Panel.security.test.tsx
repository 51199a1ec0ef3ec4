// @vitest-environment happy-dom
// The whole panel rendering a record, requirement values, notes, stakeholders
// and directory people made of the shared XSS corpus (docs/security.md, threat
// T2): nothing becomes markup, no link gets a scheme other than http(s), the
// text shows as it was written, and nothing runs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cutText } from '@/lib/crm/parse';
import { recordKey, type RecordSnapshot } from '@/lib/crm/snapshot';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { getDatabase } from '@/lib/store/connection';
import { addRequirementValue, assignMember, saveStakeholder } from '@/lib/store/facts';
import { replaceDirectory } from '@/lib/store/directory';
import { saveNote } from '@/lib/store/notes';
import { TABLE_NAMES } from '@/lib/store/backup';
import { validSnapshot } from '@/test/support/snapshots';
import { CANARY, SHORT_XSS_CORPUS, XSS_CORPUS, corpusText } from '@/test/support/xss-corpus.mjs';
import { NoteItem } from './NoteItem';
import { Panel } from './Panel';

const TAB = 5;
/** A corpus string cut at MAX_TEXT, as an adapter sends it. */
const text = (i: number) => cutText(corpusText(i));
/** What an adapter would send. */
const record: RecordSnapshot = {
  ...validSnapshot,
  name: text(0),
  stage: text(1),
  owner: text(2),
  account: text(3),
  closeDate: text(4),
  amount: { text: text(5), value: null },
  fields: XSS_CORPUS.map((entry, i) => ({ label: text(i + 7), value: cutText(entry.text) })),
  contacts: XSS_CORPUS.map((entry, i) => ({ name: cutText(entry.text), title: text(i + 3), role: text(i + 9), email: text(i + 11) })),
};
const key = recordKey(record);

/** Source URLs a note can carry: the page it was captured on, whatever its scheme. */
const NOTE_URLS = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  ' \tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome-extension://abc/options.html',
  'https://mail.example.com/thread/1',
];

async function seed(): Promise<void> {
  const db = await getDatabase();
  await Promise.all(TABLE_NAMES.map((table) => db.clear(table)));
  await Promise.all(
    XSS_CORPUS.map((entry, i) =>
      saveNote(db, {
        id: `note-${i}`,
        // Some (never the 100 000-character ones, which are full) mention a requirement's keywords, so the panel also quotes them as suggestions.
        text: i % 3 === 2 ? `Diesel fuel cost at the remote sites ${entry.text}` : entry.text,
        pageTitle: cutText(corpusText(i + 1)),
        url: NOTE_URLS[i % NOTE_URLS.length]!,
        capturedAt: 1_000 + i,
        recordKey: key,
        recordName: record.name,
      }),
    ),
  );
  const requirements = DEFAULT_PLAYBOOK.requirements.map((requirement) => requirement.id);
  for (const [i, fieldId] of requirements.entries()) {
    await addRequirementValue(
      db,
      key,
      {
        fieldId,
        value: SHORT_XSS_CORPUS[i % SHORT_XSS_CORPUS.length]!.text,
        source: i % 2 === 0 ? { kind: 'note', noteId: 'note-0', quote: corpusText(i + 20), url: NOTE_URLS[i % NOTE_URLS.length]! } : { kind: 'crm-field', fieldLabel: corpusText(i + 21) },
        confirmedByCustomer: false,
        setBy: corpusText(i + 22),
        setAt: 10 + i,
      },
      null,
      () => `value-${fieldId}`,
    );
  }
  for (const [i, entry] of SHORT_XSS_CORPUS.slice(0, 12).entries()) {
    await saveStakeholder(
      db,
      key,
      { id: `manual-${i}`, name: entry.text.trim() || 'x', title: corpusText(i + 30), roles: [], stance: 'unknown', influence: 'unknown', plan: corpusText(i + 31), source: 'manual' },
      null,
      1,
    );
  }
  const people = SHORT_XSS_CORPUS.filter((entry) => entry.text.trim() !== '').map((entry, i) => ({
    id: `person-${i}`,
    name: entry.text.trim(),
    email: corpusText(i + 40),
    roles: ['ar', 'sr', 'fr', 'power-specialist'],
    skills: [corpusText(i + 41)],
    industries: [],
    regions: [],
    languages: [],
    capacity: 5,
    openDeals: 0,
  }));
  await replaceDirectory(db, people);
  await assignMember(db, key, 'ar', 'person-0', 1);
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) =>
    (message as { type?: string }).type === 'panel/tab-state' ? { result: { kind: 'record', snapshot: record } } : undefined,
  );
  await seed();
});
afterEach(cleanup);

/** Attributes through which a browser loads or navigates. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];

/** No element that runs or loads anything, no handler, no address with a scheme other than http(s). */
/** What the panel's own figures (the iron triangle, the reports-to lines) may draw with: shapes and text, nothing that loads, links or runs. */
const DRAWING = new Set(['svg', 'g', 'path', 'polygon', 'polyline', 'circle', 'ellipse', 'line', 'rect', 'text', 'tspan', 'title', 'desc', 'defs', 'marker']);

function expectOnlyText(root: Element): void {
  expect(root.querySelectorAll('script, iframe, object, embed, img, math, style, link, meta, base, form').length).toBe(0);
  for (const drawing of Array.from(root.querySelectorAll('svg'))) {
    const parts = [drawing, ...Array.from(drawing.querySelectorAll('*'))].map((element) => element.tagName.toLowerCase());
    expect(parts.filter((tag) => !DRAWING.has(tag))).toEqual([]);
  }
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name.startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
      expect(attribute.name).not.toBe('srcdoc');
      // A path on the extension's own origin (the deal desk link) is not page data; anything else must be http(s).
      if (URL_ATTRIBUTES.includes(attribute.name) && !/^\/[a-z-]+\.html$/.test(attribute.value)) expect(new URL(attribute.value).protocol).toMatch(/^https?:$/);
    }
  }
}

describe('panel fed with the XSS corpus', () => {
  it('renders every value as text: no script, no handler, no dangerous link, nothing runs', async () => {
    const title = document.title;
    render(<Panel target={{ tabId: TAB }} />);
    await screen.findByTestId('requirements-section');
    await waitFor(() => expect(screen.getAllByTestId('note').length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.getAllByTestId('suggestion').length).toBeGreaterThan(0));
    const panel = screen.getByTestId('panel');

    expectOnlyText(panel);
    // The one web address among the notes' sources is a link; none of the others. The desk link is the extension's own.
    const links = Array.from(panel.querySelectorAll('a:not([data-testid=desk-link])'));
    expect(panel.querySelector('[data-testid=desk-link]')?.getAttribute('href')).toBe('/deals.html');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      expect.arrayContaining(['https://mail.example.com/thread/1']),
    );
    expect(new Set(links.map((link) => link.getAttribute('href')))).toEqual(new Set(['https://mail.example.com/thread/1']));

    // The text shows literally.
    expect(screen.getByTestId('record-name').textContent).toBe(record.name);
    const noteTexts = screen.getAllByTestId('note').map((note) => note.querySelector('.note-text')?.textContent);
    expect(noteTexts.length).toBeGreaterThan(0); // a window of the list; every note is checked below
    const written = new Set(XSS_CORPUS.flatMap((entry) => [entry.text, `Diesel fuel cost at the remote sites ${entry.text}`]));
    for (const text of noteTexts) expect(written.has(text!)).toBe(true);
    const shown = panel.textContent ?? '';
    for (const requirement of screen.getAllByTestId('requirement')) {
      const value = requirement.querySelector('.requirement-value');
      if (value) expect(SHORT_XSS_CORPUS.some((entry) => value.textContent?.startsWith(entry.text))).toBe(true);
    }
    expect(shown).toContain(SHORT_XSS_CORPUS[0]!.text.trim()); // a directory person or stakeholder by name

    expect((window as unknown as Record<string, unknown>)[CANARY.global]).toBeUndefined();
    expect(document.title).toBe(title);
  });

  it('every note, whatever its text, title and source URL, renders as text with http(s) links only', () => {
    const notes = XSS_CORPUS.flatMap((entry, i) =>
      NOTE_URLS.map((url, j) => ({ id: `n-${i}-${j}`, text: entry.text, pageTitle: j % 2 ? '' : text(i + j), url, capturedAt: 1 })),
    );
    const { container } = render(<div>{notes.map((note) => <NoteItem key={note.id} note={note} />)}</div>);
    expectOnlyText(container);
    const items = screen.getAllByTestId('note');
    expect(items).toHaveLength(notes.length);
    items.forEach((item, k) => {
      expect(item.querySelector('.note-text')?.textContent).toBe(notes[k]!.text);
      const link = item.querySelector('a');
      expect(link?.getAttribute('href') ?? null).toBe(notes[k]!.url.startsWith('https:') ? notes[k]!.url : null);
    });
    expect((window as unknown as Record<string, unknown>)[CANARY.global]).toBeUndefined();
  });
});
