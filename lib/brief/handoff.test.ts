import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDeal } from '../engines/analyze';
import { setLocale } from '../i18n';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { validSnapshot } from '@/test/support/snapshots';
import type { DealFacts } from '../domain/deal-facts';
import { handoffEmail, handoffMarkdown, markdownText } from './handoff';

const NOW = new Date('2026-11-27T10:00:00Z');
const record = { ...validSnapshot, contacts: [{ name: 'Omar Hassan', title: 'Chief Executive Officer', role: 'Decision Maker' }] };
const facts: DealFacts = {
  requirementValues: [
    {
      fieldId: 'operating-cost',
      value: 'Diesel is their biggest cost at remote sites',
      source: { kind: 'note', noteId: 'n1', quote: 'diesel fuel cost at the remote sites', url: 'https://mail.example.com/1' },
      confirmedByCustomer: true,
      setBy: '',
      setAt: 5,
    },
  ],
  notes: [],
  stakeholders: [],
  assignments: [],
};
const input = () => ({ record, analysis: analyzeDeal({ playbook: DEFAULT_PLAYBOOK, record, facts, directory: [], now: NOW.getTime() }), playbook: DEFAULT_PLAYBOOK, now: NOW });

afterEach(() => setLocale('en'));

describe('hand-off brief', () => {
  it('carries captured needs with their source, open questions with who needs them, the decision chain and the team', () => {
    const brief = handoffMarkdown(input());
    expect(brief.startsWith('# Hand\\-off brief: Nile Telecom – Solar Hybrid Sites\n')).toBe(true);
    expect(brief).toContain(
      String.raw`- **Operating and life\-cycle cost \(O&M, TCO, fuel\)**: Diesel is their biggest cost at remote sites _(from a note: “diesel fuel cost at the remote sites” \(https://mail.example.com/1\); confirmed by the customer)_`,
    );
    expect(brief).toMatch(/## Open questions\n- \*\*Business pain and goals\*\*/);
    expect(brief).toContain('Needed by Account responsible \\(AR\\), Solution responsible \\(SR\\)');
    expect(brief).toMatch(/## Decision chain\n[\s\S]*Omar Hassan/);
    expect(brief).toMatch(/## Team\n- \*\*Account responsible \\\(AR\\\)\*\*: —/);
  });

  it('is in the user’s language', () => {
    setLocale('zh-CN');
    const email = handoffEmail(input());
    expect(email.split('\n')[0]).toBe('主题：交接：交接简报：Nile Telecom – Solar Hybrid Sites');
    expect(email).toContain('已收集的需求:');
    expect(email).toContain('来自笔记：“diesel fuel cost at the remote sites”（https://mail.example.com/1）');
  });

  it('turns page data into inert Markdown text', () => {
    expect(markdownText('[click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** # title')).toBe(
      '\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\* \\# title',
    );
    const hostile = handoffMarkdown({ ...input(), record: { ...record, name: '[x](javascript:alert(1))' } });
    expect(hostile).not.toMatch(/[^\\]\[x\]\(javascript/);
  });

  it('is the same for the same input', () => {
    expect(handoffMarkdown(input())).toBe(handoffMarkdown(input()));
  });
});
