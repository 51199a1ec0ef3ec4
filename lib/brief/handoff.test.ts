import { afterEach, describe, expect, it } from 'vitest';
import type { DealFacts } from '@/lib/domain/deal-facts';
import { analyzeDeal } from '@/lib/engines/analyze';
import { catalogsForTest, setLocale, type MessageKey } from '@/lib/i18n';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { briefInput, directory, facts, NOW, notes, record } from './testing/deal';
import { handoffEmail, handoffMarkdown, markdownText } from './handoff';

afterEach(() => setLocale('en'));

/** The brief for the fixture deal with other stored facts. */
const withFacts = (changed: Partial<DealFacts>) =>
  briefInput({ analysis: analyzeDeal({ playbook: DEFAULT_PLAYBOOK, record, facts: { ...facts, ...changed }, directory, now: NOW }) });

/** The lines of one `## ` section. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('hand-off brief, snapshots of a realistic deal', () => {
  // One value from a note (not confirmed), one entered by hand (confirmed), a budget read from a CRM field, a
  // CRM hint beside a missing fact, two facts missing, three people with stance, influence and owner, one
  // customer role nobody holds, three notes of which one became a value.
  it('Markdown, English', async () => {
    await expect(handoffMarkdown(briefInput())).toMatchFileSnapshot('__snapshots__/handoff.en.md');
  });

  it('Markdown, Chinese', async () => {
    setLocale('zh-CN');
    await expect(handoffMarkdown(briefInput())).toMatchFileSnapshot('__snapshots__/handoff.zh-CN.md');
  });

  it('e-mail text, English', async () => {
    await expect(handoffEmail(briefInput())).toMatchFileSnapshot('__snapshots__/handoff.en.txt');
  });

  it('e-mail text, Chinese', async () => {
    setLocale('zh-CN');
    await expect(handoffEmail(briefInput())).toMatchFileSnapshot('__snapshots__/handoff.zh-CN.txt');
  });
});

describe('hand-off brief', () => {
  it('gives each value once and in full, with where it came from, and the note’s words only when the value lacks them', () => {
    const needs = section(handoffMarkdown(briefInput()), 'Captured needs').join('\n');
    expect(count(needs, 'fuel is their biggest operating cost')).toBe(1);
    expect(needs).toContain('from the note “Site visit report – Omdurman cluster” (https://mail.example.com/msg/1); recorded on Jan 10, 2027');

    const long = `${'Solar and battery at every site, sized for three days of autonomy. '.repeat(12)}End.`;
    const summarised = withFacts({
      requirementValues: [{ ...facts.requirementValues[0]!, value: long, source: { kind: 'note', noteId: 'n-visit', quote: 'a generator runs 18 hours', url: '' } }],
    });
    const markdown = handoffMarkdown(summarised);
    expect(markdown).toContain(markdownText(long));
    // Where the source names no page address, the note's does.
    expect(markdown).toContain('from the note “Site visit report – Omdurman cluster” (https://mail.example.com/msg/1); quoted: “a generator runs 18 hours”');
  });

  it('lists a value given twice once, with both sources', () => {
    const [fromNote] = facts.requirementValues;
    const twice = withFacts({
      requirementValues: [
        fromNote!,
        { ...fromNote!, value: ` ${fromNote!.value.toUpperCase()} `, source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Ana Costa', setAt: NOW - 1000 },
      ],
    });
    const needs = section(handoffMarkdown(twice), 'Captured needs');
    expect(needs.filter((line) => line.includes('biggest operating cost') || line.includes('BIGGEST OPERATING COST'))).toHaveLength(1);
    expect(needs).toContain('  - entered by hand; recorded by Ana Costa on Jan 15, 2027');
    expect(needs).toContain('  - from the note “Site visit report – Omdurman cluster” (https://mail.example.com/msg/1); recorded on Jan 10, 2027');
    // Confirmed, as one of the two was.
    expect(needs.find((line) => line.includes('BIGGEST OPERATING COST'))).toMatch(/\(confirmed by the customer\)$/);
  });

  it('marks what the customer did not confirm, and says who recorded a value when, as a UTC day', () => {
    const late = withFacts({ requirementValues: [{ ...facts.requirementValues[1]!, setAt: Date.UTC(2027, 0, 10, 23, 30) }, facts.requirementValues[0]!] });
    const needs = section(handoffMarkdown(late), 'Captured needs').join('\n');
    expect(needs).toContain('fuel is their biggest operating cost. (not confirmed by the customer)');
    expect(needs).toContain('grid at fewer than 10% of them. (confirmed by the customer)');
    expect(needs).toContain('entered by hand; recorded by Li Wei on Jan 10, 2027');
    setLocale('zh-CN');
    expect(section(handoffMarkdown(late), '已收集的需求').join('\n')).toContain('手动录入；由 Li Wei 于 2027年1月10日 记录');
  });

  it('asks for every missing fact and uncovered customer role, with the team role that owns it and the stage it is due by', () => {
    const asks = section(handoffMarkdown(briefInput()), 'Asks');
    const business = asks.findIndex((line) => line.startsWith('- **Business pain and goals**: '));
    expect(asks[business + 1]).toBe(
      '  - Owner: Account responsible \\(AR\\) · Due: by Opportunity / qualification · Needed by: Account responsible \\(AR\\), Solution responsible \\(SR\\)',
    );
    expect(asks[business + 2]).toBe('  - CRM field “Description” (not confirmed by the customer): Replace diesel at remote sites; customer unhappy with fuel theft.');
    const timeline = asks.findIndex((line) => line.startsWith('- **Decision timeline and key dates**: '));
    expect(asks[timeline + 1]).toMatch(/^ {2}- Owner: Account responsible \\\(AR\\\) · Due: by Opportunity \/ qualification · /);
    const finance = asks.findIndex((line) => line.startsWith('- **Finance**: '));
    expect(asks[finance + 1]).toBe('  - Owner: Account responsible \\(AR\\) · Due: now');
    // A fact a note brought up before its stage is asked for too, due by its stage.
    // Facts notes brought up before their stage are asked for too: site power, and the decision criteria
    // ("Fatima (finance) doubts the payback period").
    expect(asks.find((line) => line.startsWith('- **Site and environment constraints'))).toBeDefined();
    expect(asks.find((line) => line.startsWith('- **Decision criteria and weights'))).toBeDefined();
    expect(asks.filter((line) => line.startsWith('- '))).toHaveLength(5);
  });

  it('shows who is who at the customer as a table', () => {
    const chain = section(handoffMarkdown(briefInput()), 'Decision chain');
    expect(chain.slice(0, 2)).toEqual(['| Person | Customer role(s) | Stance | Influence | Our owner | Last contact |', '| --- | --- | --- | --- | --- | --- |']);
    expect(chain).toContain('| Amina Hassan (Chief Executive Officer) | Decision maker / economic buyer | supporter | high | Ana Costa | Jan 12, 2027 |');
    expect(chain).toContain(
      '| Omar Idris (Head of Network Operations) | Technical evaluator, End user / operations | neutral | medium | Li Wei | Jan 9, 2027 |',
    );
    expect(chain).toContain('| Fatima Osman (Finance Director) | Other influencer | opponent | high | — | — |');
  });

  it('appends every note whole, oldest first, saying which became a value', () => {
    const appendix = section(handoffMarkdown(briefInput()), 'Appendix: notes on this record');
    expect(appendix.filter((line) => line.startsWith('- '))).toEqual([
      '- **Jan 9, 2027: Site visit report – Omdurman cluster** (accepted as: Operating and life\\-cycle cost \\(O&M, TCO, fuel\\))',
      '- **Jan 12, 2027: Call notes – Amina Hassan** (not accepted as a requirement value)',
      '- **Jan 13, 2027: untitled page** (not accepted as a requirement value)',
    ]);
    expect(appendix).toContain('  > Fatima \\(finance\\) doubts the payback period.');
    expect(appendix).toContain('  https://intranet.example.com/wiki/nile\\-tender');
  });

  it('has one subject line, then the body', () => {
    expect(handoffEmail(briefInput()).split('\n').slice(0, 2)).toEqual(['Hand-off brief: Nile Telecom – Solar Hybrid Sites', '']);
    setLocale('zh-CN');
    expect(handoffEmail(briefInput()).split('\n')[0]).toBe('交接简报：Nile Telecom – Solar Hybrid Sites');
  });

  it('writes Chinese with Chinese punctuation', () => {
    setLocale('zh-CN');
    for (const text of [handoffMarkdown(briefInput()), handoffEmail(briefInput())]) {
      // No ASCII colon, comma, semicolon or parenthesis next to a Chinese character.
      expect(text).not.toMatch(/[\u3400-\u9fff][:;,()]|[:;,()][\u3400-\u9fff]/);
      expect(text).toContain('负责：客户经理（AR）；期限：最迟在“机会点 / 立项”阶段；需要方：客户经理（AR）、解决方案专家（SR）');
    }
    expect(handoffEmail(briefInput())).toContain('\n已收集的需求：\n');
  });

  it('turns page data into inert Markdown text', () => {
    expect(markdownText('[click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** # title')).toBe(
      '\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\* \\# title',
    );
    const hostile = handoffMarkdown(briefInput({ record: { ...record, name: '[x](javascript:alert(1))' } }));
    expect(hostile).not.toMatch(/[^\\]\[x\]\(javascript/);
  });

  it('is the same for the same input', () => {
    expect(handoffMarkdown(briefInput())).toBe(handoffMarkdown(briefInput()));
    expect(handoffMarkdown(briefInput({ notes: [...notes].reverse() }))).toBe(handoffMarkdown(briefInput()));
  });
});

describe('the brief’s own messages', () => {
  // Page data is escaped before it goes into a message; the messages themselves go into the Markdown as they are.
  const keys = Object.keys(catalogsForTest.en).filter(
    (key) => key.startsWith('brief') || /^(source(CrmField|Manual|Note)|severity(High|Medium|Low|Check)|stance|influence|nextActionLabel$)/.test(key),
  ) as MessageKey[];

  it.each(['en', 'zh-CN'] as const)('in %s hold no Markdown syntax', (locale) => {
    for (const key of keys) {
      const message = catalogsForTest[locale][key].message;
      expect(message, key).not.toMatch(/[\\`*_{}[\]<>#|!~]|^\s*([-+>=]|\d+[.)])|\n/);
    }
  });
});
