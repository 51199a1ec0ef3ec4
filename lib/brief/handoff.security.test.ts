// The hand-off brief made of a record, values, stakeholders, team members and
// notes from the shared XSS corpus (docs/security.md, threat T2): the Markdown
// is inert (no link, image, HTML or heading can come out of page data, no
// value leaves its table cell), the e-mail text carries the values verbatim
// as plain text.
import { describe, expect, it } from 'vitest';
import { cutText } from '@/lib/crm/parse';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Note } from '@/lib/domain/note';
import type { Person } from '@/lib/domain/team';
import { analyzeDeal } from '@/lib/engines/analyze';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { validSnapshot } from '@/test/support/snapshots';
import { SHORT_XSS_CORPUS, corpusText } from '@/test/support/xss-corpus.mjs';
import { handoffEmail, handoffMarkdown, markdownText } from './handoff';

const NOW = new Date('2026-11-27T10:00:00Z');
const text = (i: number) => cutText(corpusText(i));
const short = (i: number) => SHORT_XSS_CORPUS[i % SHORT_XSS_CORPUS.length]!.text;
/** Breaks out of a table cell, a line or a list item, if anything can. */
const BREAKOUT = ['a | b', '<script>alert(1)</script>', '[x](javascript:alert(1))', 'line\n# heading\n| x | y |\n---\n> quote', 'Title\n===\n- item'];

const record = {
  ...validSnapshot,
  name: text(0),
  stage: text(5),
  account: text(6),
  owner: text(7),
  contacts: SHORT_XSS_CORPUS.map((entry, i) => ({ name: entry.text, title: text(i + 2), role: text(i + 3) })),
};
const directory: Person[] = BREAKOUT.map((name, i) => ({
  id: `p${i}`,
  name,
  roles: ['ar', 'sr'],
  skills: [],
  industries: [],
  regions: [],
  languages: [],
  capacity: 5,
  openDeals: 0,
}));
const notes: Note[] = [...BREAKOUT, ...SHORT_XSS_CORPUS.slice(0, 6).map((entry) => entry.text)].map((body, i) => ({
  id: `n${i}`,
  text: `${body}\n${short(i + 1)}\n===`,
  pageTitle: BREAKOUT[i % BREAKOUT.length]!,
  url: i % 2 === 0 ? 'javascript:alert(1)' : short(i),
  capturedAt: i,
}));
const facts: DealFacts = {
  requirementValues: DEFAULT_PLAYBOOK.requirements.map((requirement, i) => ({
    fieldId: requirement.id,
    value: i < BREAKOUT.length ? BREAKOUT[i]! : SHORT_XSS_CORPUS[i]!.text,
    source: { kind: 'note', noteId: `n${i}`, quote: SHORT_XSS_CORPUS[i + 10]!.text, url: 'javascript:alert(1)' },
    confirmedByCustomer: false,
    setBy: short(i + 3),
    setAt: i,
  })),
  notes,
  stakeholders: BREAKOUT.map((name, i) => ({
    id: `manual:${i}`,
    name,
    title: short(i + 5),
    roles: ['champion'],
    stance: 'opponent',
    influence: 'high',
    ourOwner: `p${i}`,
    lastEngagedAt: i,
    source: 'manual',
  })),
  assignments: directory.map((person) => ({ roleId: 'sr', personId: person.id })),
};
const input = () => ({
  record,
  analysis: analyzeDeal({ playbook: DEFAULT_PLAYBOOK, record, facts, directory, now: NOW.getTime() }),
  playbook: DEFAULT_PLAYBOOK,
  notes,
  now: NOW,
});
/** `|` not escaped by a backslash. */
const cellBorders = (line: string) => line.match(/(^|[^\\])\|/g)?.length ?? 0;

describe('hand-off brief made of hostile values', () => {
  it('Markdown: page data cannot become a link, an image, HTML or a heading', () => {
    const markdown = handoffMarkdown(input());
    expect(markdown).toContain('\\<script\\>'); // the corpus is in there, escaped
    expect(markdown).not.toMatch(/(^|[^\\])</m); // every < escaped: no HTML, no autolink
    expect(markdown).not.toMatch(/(^|[^\\])\]\(/m); // no [text](url)
    expect(markdown).not.toMatch(/(^|[^\\])!\[/m); // no image
    expect(markdown).not.toMatch(/(^|[^\\])\{\{/m);
    // Only the brief's own headings; values are on one line each.
    const headings = markdown.split('\n').filter((line) => /^ {0,3}#/.test(line));
    expect(headings).toHaveLength(6);
    expect(headings[0]).toMatch(/^# Hand-off brief: /);
  });

  it('Markdown: a value stays in its table cell', () => {
    const brief = input();
    const lines = handoffMarkdown(brief).split('\n');
    const rows = lines.filter((line) => line.startsWith('|'));
    expect(rows.length).toBe(2 + brief.analysis.decisionChain.stakeholders.length);
    // Six cells, seven borders, in every row; nothing else of the brief starts a row.
    for (const row of rows) expect(cellBorders(row), row).toBe(7);
    expect(lines.filter((line) => !line.startsWith('|') && cellBorders(line) > 0)).toEqual([]);
    expect(rows).toContain(`| a \\| b (${markdownText(short(5))}) | Champion / coach | opponent | high | a \\| b | Jan 1, 1970 |`);
  });

  it('Markdown: a note is quoted line by line; no line makes a heading or a list of the one before it', () => {
    const lines = handoffMarkdown(input()).split('\n');
    const quoted = lines.filter((line) => line.startsWith('  >'));
    expect(quoted.length).toBeGreaterThan(notes.length);
    for (const [i, line] of lines.entries()) {
      if (line.startsWith('  > ')) expect(lines[i + 1] ?? '', 'a quoted line runs on into the next').not.toMatch(/^ {2}> /);
    }
    expect(quoted).toContain('  > \\# heading');
    expect(quoted).toContain('  > \\| x \\| y \\|');
    expect(quoted).toContain('  > ===');
  });

  it('e-mail text: the values verbatim, as plain text', () => {
    const email = handoffEmail(input());
    for (const entry of SHORT_XSS_CORPUS.slice(BREAKOUT.length, DEFAULT_PLAYBOOK.requirements.length)) expect(email).toContain(entry.text);
    for (const note of notes) expect(email).toContain(note.text.split('\n')[0]);
    expect(email.split('\n')[0]).toBe(`Hand-off brief: ${record.name}`);
  });
});
