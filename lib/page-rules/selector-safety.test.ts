// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { MAX_RULE_LABEL, MAX_RULE_SELECTOR } from './schema';
import { isSafeLocator, isSafeRuleLabel, isSafeRuleSelector } from './selector-safety';

describe('isSafeRuleSelector', () => {
  it.each([
    '[data-field="stage"]',
    'records-record-layout-item[field-label="Stage"] lightning-formatted-text',
    '#opportunity-stage',
    '[data-target-selection-name="sfdc:RecordField.Opportunity.StageName"]',
    '[data-id="header"] > div:nth-of-type(2) > span',
    'dl[aria-label="Deal"] dd:nth-of-type(3)',
    "[aria-label='Close \"date\"' i]",
    "[data-x='say \"when\"']",
    'div[data-empty]',
    '* [name=amount]',
    'li + li ~ span',
    '[data-field="stage"]:has(> span[data-value])',
    '  [data-field="stage"]  ',
    '[data-field="阶段"]',
  ])('accepts %s', (selector) => {
    expect(isSafeRuleSelector(selector)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a class (hashed names change with each release)', '.css-1x2y3z'],
    ['a selector list', '[data-a], [data-b]'],
    ['page text', 'span:contains("Won")'],
    ['a pseudo-class reading state', 'input:checked'],
    ['a pseudo-element', 'span::before'],
    [':not()', 'span:not([hidden])'],
    ['a nested :has()', 'div:has(span:has(b))'],
    ['two :has()', 'div:has(span) p:has(b)'],
    ['a :has() bomb', '*:has(*:has(*:has(*:has(*))))'],
    ['more than eight compounds', 'a b c d e f g h i'],
    ['eight compounds spread across :has()', 'a b c d e f g:has(h i)'],
    ['a trailing combinator', 'div >'],
    ['a leading combinator', '> div'],
    ['an unclosed attribute', '[data-a="b"'],
    ['an unclosed string', '[data-a="b]'],
    ['a newline in a string', '[data-a="b\nc"]'],
    ['a control character', '[data-a="b\u0000"]'],
    ['a bidi override', '[data-a="\u202eevil"]'],
    ['a namespace', 'svg|a'],
    ['a comment', 'div/**/span'],
    ['nth-of-type out of range', 'div:nth-of-type(0)'],
    ['nth-of-type with a formula', 'div:nth-of-type(2n+1)'],
    ['an escape in an identifier', '#a\\:b'],
    ['an escape in a string', '[data-a="b\\"c"]'],
    ['a non-ASCII attribute name', '[data-字段="阶段"]'],
  ])('rejects %s', (_, selector) => {
    expect(isSafeRuleSelector(selector)).toBe(false);
  });

  it('rejects a selector longer than MAX_RULE_SELECTOR', () => {
    const selector = `[data-a="${'x'.repeat(MAX_RULE_SELECTOR)}"]`;
    expect(isSafeRuleSelector(selector)).toBe(false);
    expect(isSafeRuleSelector(`[data-a="${'x'.repeat(MAX_RULE_SELECTOR - 12)}"]`)).toBe(true);
  });

  it('asks the browser where there is a document, and refuses what it refuses', () => {
    const fragment = document.createDocumentFragment();
    const querySelector = vi.fn(() => {
      throw new SyntaxError('not a selector');
    });
    vi.spyOn(document, 'createDocumentFragment').mockReturnValue(Object.assign(fragment, { querySelector }));
    expect(isSafeRuleSelector('[data-field="stage"]')).toBe(false);
    expect(querySelector).toHaveBeenCalledWith('[data-field="stage"]');
  });

  it('checks the grammar without a document (the background service worker)', () => {
    vi.stubGlobal('document', undefined);
    try {
      expect(isSafeRuleSelector('[data-field="stage"] > span')).toBe(true);
      expect(isSafeRuleSelector('div:has(span:has(b))')).toBe(false);
      expect(isSafeRuleSelector('.hashed')).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('answers false for what is not a string', () => {
    expect(isSafeRuleSelector(42 as unknown as string)).toBe(false);
    expect(isSafeRuleSelector(null as unknown as string)).toBe(false);
  });
});

describe('isSafeRuleLabel', () => {
  it.each(['Stage', 'Close Date:', '预计成交日期', 'Amount (USD) "net" [x]', 'Q3 target'])('accepts %s', (label) => {
    expect(isSafeRuleLabel(label)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['blank', ' \u3000 '],
    ['punctuation only', '— : —'],
    ['a control character', 'Stage\u0007'],
    ['a line break', 'Stage\nOwner'],
    ['a bidi override', '\u202eegatS'],
    ['too long', 'x'.repeat(MAX_RULE_LABEL + 1)],
  ])('rejects %s', (_, label) => {
    expect(isSafeRuleLabel(label)).toBe(false);
  });
});

describe('isSafeLocator', () => {
  it('checks the selector or the label, by kind', () => {
    expect(isSafeLocator({ kind: 'selector', selector: '[data-field="stage"]' })).toBe(true);
    expect(isSafeLocator({ kind: 'selector', selector: '.css-1x2y3z' })).toBe(false);
    expect(isSafeLocator({ kind: 'beside-label', label: '阶段' })).toBe(true);
    expect(isSafeLocator({ kind: 'beside-label', label: '\u0000' })).toBe(false);
  });

  it('answers false for anything else', () => {
    expect(isSafeLocator({ kind: 'script', selector: 'x' } as never)).toBe(false);
    expect(isSafeLocator(null as never)).toBe(false);
    expect(isSafeLocator({ kind: 'selector' } as never)).toBe(false);
  });
});
