// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayedValue } from '@/lib/crm/dom';
import { cleanText } from '@/lib/crm/parse';
import { deriveLocator, looksGenerated, resolveLocator } from './derive';
import type { RuleLocator } from './schema';
import { isSafeLocator } from './selector-safety';

// Pages written to be hard on the rule builder: generated ids and hashed
// classes everywhere, attributes that carry the value or a record's id,
// labels full of selector metacharacters, repeated fields, giant pages.

afterEach(() => {
  document.body.innerHTML = '';
});

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function element(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no ${selector} in the page`);
  return found;
}

/** Derives a rule for `clicked` and checks what every rule must be: safe, and resolving to the value clicked. */
function derived(clicked: Element, root: Element = document.body): RuleLocator | null {
  const locator = deriveLocator(clicked, root);
  if (locator) {
    expect(isSafeLocator(locator)).toBe(true);
    expect(resolveLocator(root, locator)).toBe(cleanText(displayedValue(clicked)));
  }
  return locator;
}

const HASHED = /css-|sc-|_a1b2|ember|:r|j_id|«|\.|0065/;

describe('deriveLocator: stable attributes first', () => {
  it('takes the field wrapper a value sits in when its attribute is stable', () => {
    page('<div data-field="stage" class="css-1x2y3z"><span class="sc-bdVaJa"><b class="_a1b2c3">Closed Won</b></span></div>');
    expect(derived(element('b'))).toEqual({ kind: 'selector', selector: '[data-field="stage"]' });
  });

  it('keeps finding the field on another record of the same type', () => {
    page('<section aria-label="Details"><div data-target-selection-name="sfdc:RecordField.Opportunity.StageName"><span>Prospecting</span></div></section>');
    const locator = derived(element('span'));
    expect(locator?.kind).toBe('selector');
    page('<section aria-label="Details"><div data-target-selection-name="sfdc:RecordField.Opportunity.StageName"><span>Negotiation</span></div></section>');
    expect(resolveLocator(document.body, locator as RuleLocator)).toBe('Negotiation');
  });

  it('climbs to the nearest stable ancestor and walks down by tags', () => {
    page(`
      <div data-testid="deal-header" class="css-9q8w7e">
        <div class="css-aa11bb"><span class="x1">Owner</span><span class="x2">Priya Raman</span></div>
        <div class="css-cc22dd"><span class="x1">Stage</span><span class="x2">Qualify</span></div>
      </div>`);
    const clicked = document.querySelectorAll('.x2')[1] as Element;
    const locator = derived(clicked);
    expect(locator).toEqual({ kind: 'selector', selector: '[data-testid="deal-header"] > div:nth-of-type(2) > span:nth-of-type(2)' });
  });

  it('reads a form control by its name or id', () => {
    page('<form><label for="amount-field">Amount</label><input id="amount-field" name="amount" value="5,000"></form>');
    const locator = derived(element('input'));
    expect(locator?.kind).toBe('selector');
    expect(resolveLocator(document.body, locator as RuleLocator)).toBe('5,000');
  });

  it('finds a value in an open shadow root through its host', () => {
    page('<main><x-field data-field="closeDate"></x-field></main>');
    const host = element('x-field');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="css-q1w2e3"><span>2026-12-24</span></div>';
    const locator = derived(shadow.querySelector('span') as Element);
    expect(locator).toEqual({ kind: 'selector', selector: '[data-field="closeDate"]' });
  });

  it('quotes attribute values that hold quotes and selector metacharacters', () => {
    page(`<div aria-label='Deal "stage" [main]'><span>Won</span></div><div aria-label="Other"><span>Lost</span></div>`);
    const locator = derived(document.querySelector('span') as Element);
    expect(locator).toEqual({ kind: 'selector', selector: `[aria-label='Deal "stage" [main]']` });
  });
});

describe('deriveLocator: nothing generated, nothing of the record', () => {
  it('falls back to the label when every id and class is generated', () => {
    page(`
      <div id="ember123" class="sc-bdVaJa _a1b2c3">
        <label id=":r1:" class="css-1x2y3z"><span id="j_id0:j_id5:label" class="css-4d5e6f">Stage</span></label>
        <div id="«r2»" class="css-7g8h9i"><span id="3f2504e0-4f89-11d3-9a0c-0305e82c3301" class="css-0a1b2c">Negotiation</span></div>
      </div>`);
    const clicked = element('.css-0a1b2c');
    expect(derived(clicked)).toEqual({ kind: 'beside-label', label: 'Stage' });
  });

  it('never uses an attribute that carries the value itself', () => {
    page('<dl><dt>Stage</dt><dd><span data-stage-name="Closed Won" title="Closed Won">Closed Won</span></dd></dl>');
    expect(derived(element('span'))).toEqual({ kind: 'beside-label', label: 'Stage' });
  });

  it("never uses a record's id or a counter", () => {
    page('<div><label class="lbl">Owner</label><span data-record-id="0065g00000AbCdEAAZ" data-row="7" data-key="k42">Ana Li</span></div>');
    expect(derived(element('[data-record-id]'))).toEqual({ kind: 'beside-label', label: 'Owner' });
  });

  it('never uses state that changes under the pointer', () => {
    page('<div><label>Stage</label><span data-hovered="true" data-state="open" aria-selected="true">Won</span></div>');
    expect(derived(element('[data-state]'))).toEqual({ kind: 'beside-label', label: 'Stage' });
  });

  it('keeps generated parts out of every rule derived on a hostile page', () => {
    page(`
      <div id="ember5" class="css-1x2y3z" data-reactid=".0.1">
        <dl class="sc-AxjAm">
          <dt class="_a1b2c3">Amount</dt><dd id="j_id0:amount" class="css-9f8e7d"><span class="css-x1y2">$1,000</span></dd>
          <dt class="_d4e5f6">Owner</dt><dd id=":r7:"><a class="css-z9" href="/u/005">Wang Fang</a></dd>
        </dl>
        <table><tr><th id="th-12">Close Date</th><td data-v-7ba5bd90>2027-01-31</td></tr></table>
      </div>`);
    for (const value of Array.from(document.querySelectorAll('dd span, dd a, td'))) {
      const locator = derived(value);
      expect(locator).not.toBeNull();
      if (locator?.kind === 'selector') expect(locator.selector).not.toMatch(HASHED);
    }
  });
});

describe('deriveLocator: the label beside the value', () => {
  it('falls back to the label when the stable attribute repeats', () => {
    page(`
      <div class="row"><span data-part="value">Closed Won</span></div>
      <dl><dt>Stage</dt><dd><span data-part="value">Negotiation</span></dd></dl>`);
    expect(derived(document.querySelectorAll('[data-part]')[1] as Element)).toEqual({ kind: 'beside-label', label: 'Stage' });
  });

  it('keeps labels full of selector metacharacters and quotes as plain text', () => {
    page(`<dl><dt>Amount "net" [USD] > #1 :has(*):</dt><dd><span class="css-q9">1,000</span></dd></dl>`);
    expect(derived(element('span'))).toEqual({ kind: 'beside-label', label: 'Amount "net" [USD] > #1 :has(*)' });
  });

  it('reads Chinese labels', () => {
    page('<div class="css-r1"><label class="css-r2">预计成交日期：</label><span class="css-r3">2026年12月31日</span></div>');
    expect(derived(element('span'))).toEqual({ kind: 'beside-label', label: '预计成交日期' });
  });

  it('takes a column header for a cell of a grid', () => {
    page(`
      <table class="css-t1"><thead><tr><th scope="col" title="Contact Name">Name</th><th scope="col" title="Role">Role</th></tr></thead>
      <tbody><tr><td class="css-c1">Wang Fang</td><td class="css-c2">Decision Maker</td></tr></tbody></table>`);
    expect(derived(element('.css-c2'))).toEqual({ kind: 'beside-label', label: 'Role' });
  });

  it('takes the label an aria-labelledby names', () => {
    page('<div><span id="stage-label">Stage</span><div class="css-v1"><span aria-labelledby="stage-label" class="css-v2">Qualify</span></div></div>');
    const locator = derived(element('.css-v2'));
    expect(locator).not.toBeNull();
    expect(resolveLocator(document.body, locator as RuleLocator)).toBe('Qualify');
  });

  it('gives nothing when the label names an earlier value too', () => {
    page(`
      <dl><dt>Stage</dt><dd class="css-a1">Closed Won</dd></dl>
      <dl><dt>Stage</dt><dd class="css-a2">Negotiation</dd></dl>`);
    expect(derived(element('.css-a2'))).toBeNull();
  });

  it('gives nothing for a value with neither a stable attribute nor a label', () => {
    page('<div class="css-1"><div class="css-2"><span class="css-3">Negotiation</span></div></div>');
    expect(derived(element('.css-3'))).toBeNull();
  });

  it('gives nothing for a block of the page rather than a value, or outside the record', () => {
    page(`<main data-area="record"><p data-part="notes">${'word '.repeat(200)}</p></main><aside data-part="x">Stage</aside>`);
    expect(deriveLocator(element('p'), element('main'))).toBeNull();
    expect(deriveLocator(element('aside'), element('main'))).toBeNull();
    expect(deriveLocator(element('main'), element('main'))).toBeNull();
  });
});

describe('deriveLocator: bounded on giant pages', () => {
  it('finds the field on a page of 10 000 generated elements', () => {
    const filler = '<div class="css-f1"><span id="ember1">x</span></div>'.repeat(2_500);
    page(`${filler}<section data-region="details"><div class="css-d1"><span>Stage</span><span>Won</span></div></section>${filler}`);
    const locator = derived(element('section span:nth-of-type(2)'));
    expect(locator).toEqual({ kind: 'selector', selector: '[data-region="details"] > div > span:nth-of-type(2)' });
  });

  it('looks at 64 attributes of an element with 1 000, and tries a bounded number of selectors', () => {
    const letters = (i: number) => [676, 26, 1].map((place) => String.fromCharCode(97 + (Math.floor(i / place) % 26))).join('');
    const names = Array.from({ length: 1_000 }, (_, i) => `data-p-${letters(i)}x`);
    const attributes = names.map((name) => `${name}="v"`).join(' ');
    page(`<div class="css-g"><label>Stage</label><span ${attributes}>Won</span></div><div class="css-g"><label>Owner</label><span ${attributes}>Ana</span></div>`);
    const queried: string[] = [];
    const querySelectorAll = Element.prototype.querySelectorAll;
    vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (this: Element, selector: string) {
      queried.push(selector);
      return querySelectorAll.call(this, selector);
    });
    const clicked = document.querySelectorAll('span')[0] as Element;
    expect(clicked.attributes.length).toBe(1_000);
    expect(derived(clicked)).toEqual({ kind: 'beside-label', label: 'Stage' });
    const tried = queried.filter((selector) => selector.includes('data-p-'));
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.length).toBeLessThanOrEqual(60);
    const namesTried = new Set(tried.flatMap((selector) => selector.match(/data-p-[a-z]+x/g) ?? []));
    expect([...namesTried].every((name) => names.indexOf(name) < 64)).toBe(true);
  });
});

describe('resolveLocator', () => {
  it('reads the first rendered match of a selector, cleaned', () => {
    page('<div data-field="stage" hidden>Old</div><div data-field="stage">  Closed\n  Won </div>');
    expect(resolveLocator(document.body, { kind: 'selector', selector: '[data-field="stage"]' })).toBe('Closed Won');
  });

  it('gives null when nothing matches, "" when the match shows nothing', () => {
    page('<div data-field="stage"></div>');
    expect(resolveLocator(document.body, { kind: 'selector', selector: '[data-field="amount"]' })).toBeNull();
    expect(resolveLocator(document.body, { kind: 'selector', selector: '[data-field="stage"]' })).toBe('');
    expect(resolveLocator(document.body, { kind: 'beside-label', label: 'Amount' })).toBeNull();
  });

  it('compares labels as labels are compared: case, spacing and a trailing colon aside', () => {
    page('<dl><dt>Close  Date:</dt><dd>2026-12-31</dd></dl>');
    expect(resolveLocator(document.body, { kind: 'beside-label', label: 'close date' })).toBe('2026-12-31');
  });

  it('takes the pairs the caller has read already', () => {
    page('<dl><dt>Stage</dt><dd>Won</dd></dl>');
    expect(resolveLocator(document.body, { kind: 'beside-label', label: 'Stage' }, [{ label: 'Stage', value: 'From the caller' }])).toBe('From the caller');
  });

  it('never runs an unsafe selector', () => {
    page('<div><span>x</span></div>');
    const spy = vi.spyOn(Element.prototype, 'querySelectorAll');
    const bomb = '*:has(*:has(*:has(*:has(*))))';
    expect(resolveLocator(document.body, { kind: 'selector', selector: bomb })).toBeNull();
    expect(resolveLocator(document.body, { kind: 'selector', selector: '.css-1x2y3z' })).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('looksGenerated', () => {
  it.each(['ember123', 'ember5', 'input-42', ':r1:', '«r2»', '_r_3_', 'j_id0:j_id5', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'css-1x2y3z', 'a1b2c3', 'deadbeef42', '0065g00000AbCdEAAZ', 'mui-7', 'x'.repeat(101)])(
    '%s is generated',
    (value) => expect(looksGenerated(value)).toBe(true),
  );

  it.each(['stage', 'StageName', 'sfdc:RecordField.Opportunity.StageName', 'property-input-dealstage', 'address1', 'header_process_salesstage', 'Close Date'])(
    '%s is not',
    (value) => expect(looksGenerated(value)).toBe(false),
  );
});

describe('deriveLocator on generated hostile records', () => {
  const LABELS = ['Stage', 'Close Date:', '预计成交日期', 'Amount "net" [USD]', "Owner's > name", 'Stage'];
  const VALUES = ['Qualify', 'Closed Won', '$1,000', '2026-12-31', '王芳', 'Ana "AJ" Li', ''];
  const field = fc.record({
    layout: fc.constantFrom('dl', 'label', 'table', 'aria', 'plain'),
    label: fc.constantFrom(...LABELS),
    value: fc.constantFrom(...VALUES),
    dataField: fc.option(fc.constantFrom('stage', 'amount', 'owner'), { nil: undefined }),
    generatedId: fc.nat({ max: 999 }),
    hashedClass: fc.constantFrom('css-1x2y3z', 'sc-bdVaJa', '_a1b2c3', 'x9k2'),
    valueInAttribute: fc.boolean(),
  });
  type Field = typeof field extends fc.Arbitrary<infer F> ? F : never;

  /** One field built with DOM calls (no HTML parsing of page text); returns its value element. */
  function build(parent: Element, spec: Field): Element {
    const wrapper = document.createElement(spec.layout === 'table' ? 'table' : spec.layout === 'dl' ? 'dl' : 'div');
    wrapper.id = `ember${spec.generatedId}`;
    wrapper.className = spec.hashedClass;
    wrapper.setAttribute('data-reactid', `.0.${spec.generatedId}`);
    if (spec.dataField) wrapper.setAttribute('data-field', spec.dataField);
    const value = document.createElement('span');
    value.className = spec.hashedClass;
    value.textContent = spec.value;
    if (spec.valueInAttribute) value.setAttribute('data-display', spec.value);
    const label = document.createElement(spec.layout === 'dl' ? 'dt' : spec.layout === 'table' ? 'th' : spec.layout === 'label' ? 'label' : 'span');
    label.textContent = spec.label;
    if (spec.layout === 'dl') {
      const dd = document.createElement('dd');
      dd.append(value);
      wrapper.append(label, dd);
    } else if (spec.layout === 'table') {
      const row = document.createElement('tr');
      const cell = document.createElement('td');
      cell.append(value);
      row.append(label, cell);
      wrapper.append(row);
    } else if (spec.layout === 'aria') {
      value.setAttribute('aria-label', spec.label);
      wrapper.append(value);
    } else wrapper.append(label, value);
    parent.append(wrapper);
    return value;
  }

  it('derives only safe rules, free of generated parts and of the value, that find the value clicked', () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), fc.nat(), (fields, pick) => {
        document.body.textContent = '';
        const values = fields.map((spec) => build(document.body, spec));
        const clicked = values[pick % values.length] as Element;
        const locator = derived(clicked);
        if (locator?.kind === 'selector') {
          expect(locator.selector).not.toMatch(/ember|css-|sc-|_a1b2|x9k2|reactid|data-display=|class/);
          const shown = clicked.textContent ?? '';
          if (shown) expect(locator.selector).not.toContain(shown);
        }
      }),
      { numRuns: 60 },
    );
  });
});
