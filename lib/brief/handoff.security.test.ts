// The hand-off brief made of a record, values and stakeholders from the
// shared XSS corpus (docs/security.md, threat T2): the Markdown is inert (no
// link, image, HTML or heading can come out of page data), the e-mail text
// carries the values verbatim as plain text.
import { describe, expect, it } from 'vitest';
import { cutText } from '../crm/parse';
import type { DealFacts } from '../domain/deal-facts';
import { analyzeDeal } from '../engines/analyze';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { validSnapshot } from '@/test/support/snapshots';
import { SHORT_XSS_CORPUS, corpusText } from '@/test/support/xss-corpus.mjs';
import { handoffEmail, handoffMarkdown } from './handoff';

const NOW = new Date('2026-11-27T10:00:00Z');
const text = (i: number) => cutText(corpusText(i));
const record = {
  ...validSnapshot,
  name: text(0),
  stage: text(5),
  account: text(6),
  owner: text(7),
  contacts: SHORT_XSS_CORPUS.map((entry, i) => ({ name: entry.text, title: text(i + 2), role: text(i + 3) })),
};
const facts: DealFacts = {
  requirementValues: DEFAULT_PLAYBOOK.requirements.map((requirement, i) => ({
    fieldId: requirement.id,
    value: SHORT_XSS_CORPUS[i]!.text,
    source: { kind: 'note', noteId: `n${i}`, quote: SHORT_XSS_CORPUS[i + 10]!.text, url: 'javascript:alert(1)' },
    confirmedByCustomer: false,
    setBy: '',
    setAt: i,
  })),
  notes: [],
  stakeholders: [],
  assignments: [],
};
const input = () => ({ record, analysis: analyzeDeal({ playbook: DEFAULT_PLAYBOOK, record, facts, directory: [], now: NOW.getTime() }), playbook: DEFAULT_PLAYBOOK, now: NOW });

describe('hand-off brief made of hostile values', () => {
  it('Markdown: page data cannot become a link, an image, HTML or a heading', () => {
    const markdown = handoffMarkdown(input());
    expect(markdown).toContain('\\<script\\>'); // the corpus is in there, escaped
    expect(markdown).not.toMatch(/(^|[^\\])</m); // every < escaped: no HTML, no autolink
    expect(markdown).not.toMatch(/(^|[^\\])\]\(/m); // no [text](url)
    expect(markdown).not.toMatch(/(^|[^\\])!\[/m); // no image
    expect(markdown).not.toMatch(/(^|[^\\])\{\{/m);
    // Only the brief's own headings; values are on one line each.
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toHaveLength(5);
    expect(headings[0]).toMatch(/^# Hand\\-off brief: /);
  });

  it('e-mail text: the values verbatim, as plain text', () => {
    const email = handoffEmail(input());
    for (const entry of SHORT_XSS_CORPUS.slice(0, DEFAULT_PLAYBOOK.requirements.length)) expect(email).toContain(entry.text);
    expect(email.split('\n')[0]).toBe(`Subject: Hand-off: Hand-off brief: ${record.name}`);
  });
});
