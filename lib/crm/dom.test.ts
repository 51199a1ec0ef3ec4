// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TEXT } from './limits';
import {
  allMatches,
  allOfFirstMatch,
  closestDeep,
  closestMatch,
  composedParent,
  controlValue,
  deepQuery,
  deepQueryAll,
  deepScope,
  displayedValue,
  firstAccepted,
  firstMatch,
  isRendered,
  labelledCells,
  lightScope,
  sharingDeepScopes,
  textAfterLabel,
  visibleLines,
  visibleText,
  within,
  type DeepScope,
} from './dom';

/** Builds `<tag>` with an open shadow root holding `html`; test-side DOM writes only. */
function host(tag: string, shadowHtml: string, lightHtml = ''): Element {
  const element = document.createElement(tag);
  element.attachShadow({ mode: 'open' }).innerHTML = shadowHtml;
  element.innerHTML = lightHtml;
  return element;
}

function ids(elements: Element[]): string[] {
  return elements.map((e) => e.id);
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('deep queries', () => {
  it('finds matches in the light DOM and inside nested open shadow roots', () => {
    const outer = host('x-outer', '<i id="s1" class="hit"></i><x-slot-me></x-slot-me>', '<i id="l2" class="hit"></i>');
    const inner = host('x-inner', '<i id="s2" class="hit"></i>');
    outer.shadowRoot!.appendChild(inner);
    document.body.innerHTML = '<i id="l1" class="hit"></i>';
    document.body.appendChild(outer);

    expect(ids(deepQueryAll(document, '.hit'))).toEqual(['l1', 'l2', 's1', 's2']);
    expect(deepQuery(document, '#s2')?.id).toBe('s2');
    expect(document.querySelectorAll('.hit')).toHaveLength(2); // what a plain query sees
  });

  it('queries each tree separately, so an element is found once', () => {
    // Browsers do not let a combinator cross a shadow boundary ("x-outer b" finds
    // nothing inside x-outer's shadow root); happy-dom does. Adapter selectors
    // therefore never rely on a combinator across a boundary either way.
    const outer = host('x-outer', '<b id="inside"></b>');
    document.body.appendChild(outer);
    expect(ids(deepQueryAll(document, 'b'))).toEqual(['inside']);
  });

  it('starts at a shadow host and includes its own shadow root', () => {
    const outer = host('x-outer', '<b id="own"></b>');
    document.body.appendChild(outer);
    expect(deepQuery(outer, '#own')?.id).toBe('own');
    expect(ids(deepQueryAll(outer, 'b'))).toEqual(['own']);
  });

  it('ignores closed shadow roots (scripts cannot see them)', () => {
    const closed = document.createElement('x-closed');
    closed.attachShadow({ mode: 'closed' }).innerHTML = '<b id="secret"></b>';
    document.body.appendChild(closed);
    expect(deepQuery(document, '#secret')).toBeNull();
  });

  it('reuses one scope for several queries', () => {
    document.body.appendChild(host('x-a', '<b></b>'));
    document.body.appendChild(host('x-b', '<b></b>'));
    const scope = deepScope(document);
    expect(scope.roots).toHaveLength(3);
    expect(scope.truncated).toBe(false);
    expect(deepQueryAll(scope, 'b')).toHaveLength(2);
  });

  it('finds a shadow root on every element that can host one, among elements that cannot', () => {
    // The DOM standard's attachShadow: custom elements and these HTML elements (and body, the page's own).
    const hostable = ['article', 'aside', 'blockquote', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span', 'x-field'];
    document.body.innerHTML = '<a href="/x"><b>in</b></a><button>b</button><svg><path></path></svg><ul><li>i</li></ul><slot></slot>';
    for (const tag of hostable) {
      const element = document.createElement(tag);
      element.attachShadow({ mode: 'open' }).innerHTML = `<i>${tag}</i>`;
      document.body.querySelector('li')!.append(element);
    }
    const shown = deepQueryAll(deepScope(document), 'i').map((element) => element.textContent);
    expect(shown.sort()).toEqual([...hostable].sort());
  });

  it('stops at the element and shadow-root limits and says so', () => {
    document.body.innerHTML = '<div></div>'.repeat(50);
    expect(deepScope(document, { maxElements: 10 }).truncated).toBe(true);
    document.body.innerHTML = '';
    for (let i = 0; i < 5; i += 1) document.body.appendChild(host('x-h', '<b></b>'));
    const scope = deepScope(document, { maxShadowRoots: 2 });
    expect(scope.truncated).toBe(true);
    expect(scope.roots.length).toBeLessThanOrEqual(3);
  });

  it('walks each root once while scopes are shared, and afresh after', () => {
    document.body.append(host('x-a', '<b></b>'));
    const walks = vi.spyOn(document.body, 'querySelectorAll');
    const [first, second, limited] = sharingDeepScopes(() => [deepScope(document.body), deepScope(document.body), deepScope(document.body, { maxElements: 5 })]);
    expect(second).toBe(first);
    expect(limited).not.toBe(first); // other limits: a walk of its own
    expect(first.roots).toHaveLength(2);
    expect(walks).toHaveBeenCalledTimes(2);
    expect(sharingDeepScopes(() => sharingDeepScopes(() => deepScope(document.body)))).not.toBe(first);
    document.body.append(host('x-b', '<i></i>'));
    expect(deepScope(document.body).roots).toHaveLength(3); // outside: the page as it is now
    expect(deepScope(document.body)).not.toBe(deepScope(document.body));
  });

  it('treats an invalid selector as no match', () => {
    document.body.innerHTML = '<b></b>';
    expect(deepQueryAll(document, 'b[')).toEqual([]);
    expect(deepQuery(document, ':::')).toBeNull();
  });
});

describe('within: the part of a scope inside an element, without walking it again', () => {
  /** A spy on every read of an element's `shadowRoot`: a walk looking for shadow roots reads each element's. */
  const shadowRootReads = () => vi.spyOn(Element.prototype, 'shadowRoot', 'get');

  /** Every element of the page, through open shadow roots, in deepQueryAll order. */
  const allElements = (scope: DeepScope) => deepQueryAll(scope, '*');

  /**
   * A page of `size` elements shaped by a seeded generator: elements nest at
   * random, some are shadow hosts (their shadow trees nest hosts in turn),
   * some have light children beside their shadow root.
   */
  function randomPage(seed: number, size: number): void {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const parents: (Element | ShadowRoot)[] = [document.body];
    for (let i = 0; i < size; i += 1) {
      const parent = parents[Math.floor(next() * parents.length)] as Element | ShadowRoot;
      const element = document.createElement(next() < 0.3 ? 'x-host' : 'div');
      element.id = `e${i}`;
      element.className = i % 3 === 0 ? 'hit' : '';
      parent.appendChild(element);
      parents.push(element);
      if (element.localName === 'x-host') parents.push(element.attachShadow({ mode: 'open' }));
    }
  }

  it('gives the same roots, in the same order, as walking each element', () => {
    for (const seed of [1, 7, 42, 2024]) {
      document.body.innerHTML = '';
      randomPage(seed, 120);
      const page = deepScope(document);
      expect(page.roots.length).toBeGreaterThan(10); // the generator did make shadow roots
      for (const element of allElements(page)) {
        const walked = deepScope(element);
        const derived = within(page, element);
        expect(derived.roots).toEqual(walked.roots);
        expect(derived.truncated).toBe(false);
        expect(ids(deepQueryAll(derived, '.hit'))).toEqual(ids(deepQueryAll(walked, '.hit')));
      }
    }
  });

  it('derives from a scope that starts at an element, and from a derived scope', () => {
    randomPage(5, 80);
    const start = document.getElementById('e0') as Element;
    const scope = deepScope(start);
    for (const element of allElements(scope)) {
      expect(within(scope, element).roots).toEqual(deepScope(element).roots);
      const inner = within(scope, element);
      for (const child of deepQueryAll(inner, '*')) expect(within(inner, child).roots).toEqual(deepScope(child).roots);
    }
  });

  it('does not walk for shadow roots again when the scope found some', () => {
    randomPage(3, 60);
    const page = deepScope(document);
    const walks = shadowRootReads();
    try {
      for (const element of allElements(page)) within(page, element);
      expect(walks).not.toHaveBeenCalled();
      deepScope(document.body); // what within spares
      expect(walks).toHaveBeenCalled();
    } finally {
      walks.mockRestore();
    }
  });

  it('is a light scope when the scope found no shadow root, without a walk', () => {
    document.body.innerHTML = '<section id="s"><div id="a"><p class="hit" id="p1"></p></div><p class="hit" id="p2"></p></section>';
    const page = deepScope(document);
    expect(page.roots).toEqual([document]);
    const walks = shadowRootReads();
    try {
      const a = document.getElementById('a') as Element;
      expect(within(page, a).roots).toEqual([a]);
      expect(ids(deepQueryAll(within(page, a), '.hit'))).toEqual(['p1']);
      expect(walks).not.toHaveBeenCalled();
    } finally {
      walks.mockRestore();
    }
  });

  it('leaves out the shadow roots beside the element and above it', () => {
    document.body.innerHTML = '<div id="left"></div><div id="right"></div>';
    const left = document.getElementById('left') as Element;
    left.appendChild(host('x-l', '<b id="in-left"></b>'));
    document.getElementById('right')!.appendChild(host('x-r', '<b id="in-right"></b>'));
    const page = deepScope(document);
    expect(ids(deepQueryAll(within(page, left), 'b'))).toEqual(['in-left']);
    const inShadow = deepQuery(page, '#in-right') as Element;
    expect(within(page, inShadow).roots).toEqual([inShadow]);
  });

  it('walks an element the scope does not cover, and any element of a scope cut short by its limits', () => {
    document.body.innerHTML = '<div id="inside"></div>';
    const outside = host('x-out', '<b id="o"></b>');
    document.body.appendChild(outside);
    const inside = document.getElementById('inside') as Element;
    const narrow = deepScope(inside);
    expect(within(narrow, outside).roots).toEqual(deepScope(outside).roots); // a sibling: not covered
    const detached = host('x-detached', '<b></b>');
    expect(within(narrow, detached).roots).toEqual([detached, detached.shadowRoot]);

    inside.appendChild(host('x-a', '<b></b>'));
    inside.appendChild(host('x-b', '<b></b>'));
    const cut = deepScope(document, { maxShadowRoots: 1 });
    expect(cut.truncated).toBe(true);
    expect(within(cut, inside).roots).toEqual(deepScope(inside).roots);
  });
});

describe('selector variants', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p id="p1" class="old"></p><p id="p2" class="old"></p><p id="p3" class="older"></p>';
    document.body.appendChild(host('x-h', '<p id="p4" class="older"></p>'));
  });

  it('firstMatch returns the first element of the first variant that matches, and which variant', () => {
    expect(firstMatch(document, ['.new', '.old', '.older'])).toEqual({ element: document.getElementById('p1'), variant: 1 });
    expect(firstMatch(document, ['.none'])).toBeNull();
    expect(firstMatch(document, [])).toBeNull();
  });

  it('allOfFirstMatch returns every element of the first matching variant only', () => {
    expect(ids(allOfFirstMatch(document, ['.new', '.old', '.older']))).toEqual(['p1', 'p2']);
    expect(ids(allOfFirstMatch(document, ['.older']))).toEqual(['p3', 'p4']);
  });

  it('allMatches unions the variants without duplicates', () => {
    expect(ids(allMatches(document, ['.older', 'p', '.old']))).toEqual(['p3', 'p4', 'p1', 'p2']);
  });

  it('firstAccepted returns the first element the test takes, trying the variants in order', () => {
    expect(firstAccepted(document, ['.old', '.older'], (e) => e.id !== 'p1')?.id).toBe('p2');
    expect(firstAccepted(document, ['.old', '.older'], (e) => e.id === 'p4')?.id).toBe('p4');
    expect(firstAccepted(document, ['.old', '[invalid'], () => false)).toBeNull();
  });

  it('lightScope leaves shadow roots out', () => {
    expect(ids(allMatches(lightScope(document), ['.older']))).toEqual(['p3']);
    expect(firstMatch(lightScope(document.body), ['#p4'])).toBeNull();
  });

  it('closestMatch returns the ancestor of the first variant that has one, not the nearest', () => {
    document.body.innerHTML = '<section class="outer"><div class="inner"><b id="b"></b></div></section>';
    const b = document.getElementById('b')!;
    expect(closestMatch(b, ['.outer', '.inner'])?.localName).toBe('section');
    expect(closestMatch(b, ['[invalid', '.inner', '.outer'])?.localName).toBe('div');
    expect(closestMatch(b, ['b'])).toBe(b);
    expect(closestMatch(b, ['.none'])).toBeNull();
  });
});

describe('isRendered', () => {
  it('is false under display:none (from a stylesheet or inline), hidden, or when detached', () => {
    document.head.innerHTML = '<style>.oneContent:not(.active){display:none}</style>';
    document.body.innerHTML = `
      <div class="oneContent active"><span id="shown">a</span></div>
      <div class="oneContent"><span id="cached">b</span></div>
      <div style="display:none"><span id="inline">c</span></div>
      <div hidden><span id="attr">d</span></div>
      <span id="invisible" style="visibility:hidden">e</span>`;
    const get = (id: string) => document.getElementById(id)!;
    expect(isRendered(get('shown'))).toBe(true);
    expect(isRendered(get('cached'))).toBe(false);
    expect(isRendered(get('inline'))).toBe(false);
    expect(isRendered(get('attr'))).toBe(false);
    expect(isRendered(get('invisible'))).toBe(false);
    expect(isRendered(document.createElement('div'))).toBe(false);
  });

  it('looks through shadow hosts', () => {
    const outer = host('x-outer', '<span id="deep">x</span>');
    const wrapper = document.createElement('div');
    wrapper.appendChild(outer);
    document.body.appendChild(wrapper);
    const deep = outer.shadowRoot!.getElementById('deep')!;
    expect(composedParent(deep)).toBe(outer);
    expect(isRendered(deep)).toBe(true);
    wrapper.style.display = 'none';
    expect(isRendered(deep)).toBe(false);
  });

  it('follows slotted elements through their slot, and drops unslotted light children', () => {
    const outer = host('x-outer', '<div id="wrap"><slot name="v"></slot></div>', '<b slot="v" id="slotted">1</b><i id="unslotted">2</i>');
    document.body.appendChild(outer);
    const slotted = document.getElementById('slotted')!;
    expect(composedParent(slotted)?.localName).toBe('slot');
    expect(isRendered(slotted)).toBe(true);
    expect(isRendered(document.getElementById('unslotted')!)).toBe(false);
    (outer.shadowRoot!.getElementById('wrap') as HTMLElement).style.display = 'none';
    expect(isRendered(slotted)).toBe(false);
  });
});

describe('closestDeep', () => {
  it('walks up through shadow hosts', () => {
    document.body.innerHTML = '<section data-target-selection-name="sfdc:RecordField.Opportunity.Amount"></section>';
    const outer = host('x-outer', '<b id="v">1</b>');
    document.querySelector('section')!.appendChild(outer);
    const b = outer.shadowRoot!.getElementById('v')!;
    expect(closestDeep(b, '[data-target-selection-name]')?.localName).toBe('section');
    expect(closestDeep(b, '.nothing')).toBeNull();
  });
});

describe('visibleText', () => {
  it('reads text, collapses whitespace and skips buttons, assistive text, aria-hidden decoration, scripts and styles', () => {
    document.body.innerHTML = `<div id="v">
      <span class="slds-assistive-text">Open</span>
      <span aria-hidden="true">PR</span><a>Priya\n   Raman</a><button title="Change Owner">Change Owner</button>
      <script>var x = 1;</script><style>.a{}</style><template>tmpl</template></div>`;
    expect(visibleText(document.getElementById('v')!)).toBe('Priya Raman');
  });

  it('separates block elements with a space', () => {
    document.body.innerHTML = '<div id="v"><div>12 Corniche St</div><div>Cairo</div></div>';
    expect(visibleText(document.getElementById('v')!)).toBe('12 Corniche St Cairo');
  });

  it('reads the rendered tree: shadow content and slotted light children, not unslotted ones', () => {
    const field = host('x-field', '<span>Stage: </span><slot name="out"></slot>', '<b slot="out">Needs Analysis</b><i>not rendered</i>');
    document.body.appendChild(field);
    expect(visibleText(field)).toBe('Stage: Needs Analysis');
  });

  it('uses a slot fallback when nothing is assigned, and slots outside shadow trees as plain elements', () => {
    const field = host('x-field', '<slot name="out">—</slot>');
    document.body.appendChild(field);
    expect(visibleText(field)).toBe('—');
    document.body.innerHTML = '<div id="v"><slot name="outputField"><span>synthetic</span></slot></div>';
    expect(visibleText(document.getElementById('v')!)).toBe('synthetic');
  });

  it('returns markup in text as literal characters', () => {
    const div = document.createElement('div');
    div.textContent = '<img src=x onerror=alert(1)>';
    expect(visibleText(div)).toBe('<img src=x onerror=alert(1)>');
  });

  it('cuts long values at MAX_TEXT', () => {
    const div = document.createElement('div');
    div.textContent = 'y'.repeat(50_000);
    const text = visibleText(div);
    expect(text).toHaveLength(MAX_TEXT);
    expect(text.endsWith('…')).toBe(true);
  });

  it('survives very deep nesting', () => {
    let node: Element = document.createElement('div');
    const top = node;
    for (let i = 0; i < 5_000; i += 1) node = node.appendChild(document.createElement('span'));
    node.textContent = 'bottom';
    expect(visibleText(top)).toBe('bottom');
  });

  it('is "" for no element', () => {
    expect(visibleText(null)).toBe('');
    expect(visibleText(undefined)).toBe('');
  });

  it('reads an element holding one text node as the walk reads the same text in two nodes', () => {
    // visibleText skips the walk for one text node; splitting the text forces the walk.
    const tags = ['div', 'span', 'p', 'td', 'button', 'script', 'slot', 'lightning-formatted-text'];
    fc.assert(
      fc.property(fc.constantFrom(...tags), fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '\u00a0', '\u3000', '阶', '<', ':') }), fc.nat(), (tag, text, at) => {
        const one = document.createElement(tag);
        one.append(document.createTextNode(text));
        const two = document.createElement(tag);
        const cut = text.length === 0 ? 0 : at % text.length;
        two.append(document.createTextNode(text.slice(0, cut)), document.createTextNode(text.slice(cut)));
        expect(visibleText(one)).toBe(visibleText(two));
      }),
    );
  });

  it('reads the shadow tree of a host with one light text child, and what a shadow tree slot is assigned', () => {
    const field = host('x-field', '<span>shown</span>', 'not slotted');
    document.body.appendChild(field);
    expect(visibleText(field)).toBe('shown');
    const withSlot = host('x-value', '<slot>fallback</slot>', '<b>assigned</b>');
    document.body.appendChild(withSlot);
    expect(visibleText(withSlot.shadowRoot!.querySelector('slot'))).toBe('assigned');
  });

  it('skips the fallback content of embedded media', () => {
    document.body.innerHTML = '<div id="v">Demo <video>Your browser cannot play this</video><canvas>chart</canvas><object>plugin</object>recorded</div>';
    expect(visibleText(document.getElementById('v')!)).toBe('Demo recorded');
  });
});

describe('visibleLines', () => {
  it('ends a line at each <br> and block, and collapses each line', () => {
    document.body.innerHTML = '<div id="v">Owner:  Priya<br>Stage: <b>Won</b><br><br><span>Close</span><div>Amount: 5</div></div>';
    expect(visibleLines(document.getElementById('v')!)).toEqual(['Owner: Priya', 'Stage: Won', 'Close', 'Amount: 5']);
  });

  it('reads a newline in the source as the space it renders as', () => {
    const p = document.createElement('p');
    p.textContent = 'Owner: Priya\n  Raman';
    expect(visibleLines(p)).toEqual(['Owner: Priya Raman']);
  });

  it('skips what visibleText skips', () => {
    document.body.innerHTML = '<p id="v">Stage: Won<span class="slds-assistive-text">Edit</span><button>Change</button><br><span aria-hidden="true">x</span></p>';
    expect(visibleLines(document.getElementById('v')!)).toEqual(['Stage: Won']);
  });
});

describe('textAfterLabel', () => {
  it('reads the siblings after the label, climbing to the row while they are empty', () => {
    document.body.innerHTML = '<div id="row"><div><span id="label">Amount</span></div><div>$5,000</div><button>Edit</button><span hidden>old</span></div>';
    expect(textAfterLabel(document.getElementById('row')!, document.getElementById('label'))).toBe('$5,000');
  });

  it('reads text nodes beside the label', () => {
    document.body.innerHTML = '<p id="row"><b id="label">Stage:</b> Won <i>(90%)</i></p>';
    expect(textAfterLabel(document.getElementById('row')!, document.getElementById('label'))).toBe('Won (90%)');
  });

  it('is the row text without a label, and "" for a label outside the row', () => {
    document.body.innerHTML = '<p id="row">Won</p><b id="elsewhere">Stage</b>';
    const row = document.getElementById('row')!;
    expect(textAfterLabel(row, null)).toBe('Won');
    expect(textAfterLabel(row, document.getElementById('elsewhere'))).toBe('');
    expect(textAfterLabel(row, row)).toBe('');
  });
});

describe('form controls', () => {
  const make = (html: string) => {
    document.body.innerHTML = html;
    return document.body.firstElementChild!;
  };

  it('controlValue reads inputs, textareas, the chosen options of a select and a checkbox state', () => {
    const input = make('<input type="text">') as HTMLInputElement;
    input.value = '  Big \n deal ';
    expect(controlValue(input)).toBe('Big deal');
    const area = make('<textarea></textarea>') as HTMLTextAreaElement;
    area.value = 'line 1\nline 2';
    expect(controlValue(area)).toBe('line 1 line 2');
    const select = make('<select multiple><option value="a" selected>Alpha  one</option><option value="b">Beta</option><option value="c" selected>Gamma</option></select>');
    expect(controlValue(select)).toBe('Alpha one, Gamma');
    const box = make('<input type="checkbox">') as HTMLInputElement;
    box.checked = true;
    expect(controlValue(box)).toBe('true');
  });

  it('controlValue is null for passwords, hidden inputs, buttons and elements that are no form control', () => {
    for (const type of ['password', 'hidden', 'submit', 'search', 'radio']) {
      const input = make(`<input type="${type}">`) as HTMLInputElement;
      input.value = 'secret';
      expect(controlValue(input)).toBeNull();
    }
    expect(controlValue(make('<span>text</span>'))).toBeNull();
  });

  it('controlValue cuts a long value at MAX_TEXT', () => {
    const input = make('<input>') as HTMLInputElement;
    input.value = 'z'.repeat(100_000);
    expect(controlValue(input)).toHaveLength(MAX_TEXT);
  });

  it('displayedValue reads a control, else the text, else the one control inside (an input in a cell)', () => {
    const input = make('<input>') as HTMLInputElement;
    input.value = 'Acme';
    expect(displayedValue(input)).toBe('Acme');
    expect(displayedValue(make('<div>Won <input value="ignored"></div>'))).toBe('Won');
    const cell = make('<div><input></div>');
    (cell.querySelector('input') as HTMLInputElement).value = 'typed';
    expect(displayedValue(cell)).toBe('typed');
    expect(displayedValue(make('<div><input value="a"><input value="b"></div>'))).toBe('');
    expect(displayedValue(make('<input type="password" value="secret">'))).toBe('');
  });
});

describe('labelledCells', () => {
  const rowOf = (html: string, selector = 'tbody tr') => {
    document.body.innerHTML = html;
    return document.querySelector(selector) as Element;
  };
  const labels = (row: Element) => labelledCells(row).map(([label, cell]) => [label, cell.textContent?.trim()]);

  it('takes a cell’s own data-label first', () => {
    const row = rowOf('<table><thead><tr><th scope="col" title="Name">Name</th></tr></thead><tbody><tr><td data-label="Contact Name">Ann</td></tr></tbody></table>');
    expect(labels(row)).toEqual([['Contact Name', 'Ann']]);
  });

  it('names cells without data-label by the header cell at the same position (title, aria-label, text)', () => {
    const row = rowOf(
      '<table><thead><tr><th scope="col" title="Name"><span>Sort</span></th><th scope="col" aria-label="Title">x</th><th scope="col">Role</th></tr></thead>' +
        '<tbody><tr><th scope="row">Ann Lee</th><td>CTO</td><td>Decision Maker</td></tr></tbody></table>',
    );
    expect(labels(row)).toEqual([
      ['Name', 'Ann Lee'],
      ['Title', 'CTO'],
      ['Role', 'Decision Maker'],
    ]);
  });

  it('follows colspan in headers and cells', () => {
    const row = rowOf('<table><thead><tr><th colspan="2">Name</th><th>Role</th></tr></thead><tbody><tr><td>A</td><td>B</td><td>C</td></tr></tbody></table>');
    expect(labels(row).map(([label]) => label)).toEqual(['Name', 'Name', 'Role']);
  });

  it('reads ARIA grids by their column headers', () => {
    const row = rowOf(
      '<div role="grid"><div role="row"><div role="columnheader">Full Name</div><div role="columnheader">Job Title</div></div>' +
        '<div role="row" id="r"><div role="gridcell">Wei Zhang</div><div role="gridcell">CFO</div></div></div>',
      '#r',
    );
    expect(labels(row)).toEqual([
      ['Full Name', 'Wei Zhang'],
      ['Job Title', 'CFO'],
    ]);
  });

  it('reads Zoho Lyte tables (custom elements without roles) by their header cells', () => {
    const row = rowOf(
      '<lyte-table><lyte-table-structure><lyte-thead><lyte-tr><lyte-th>Contact Name</lyte-th><lyte-th>Contact Role</lyte-th></lyte-tr></lyte-thead>' +
        '<lyte-tbody><lyte-tr><lyte-td>Ann Lee</lyte-td><lyte-td>Evaluator</lyte-td></lyte-tr></lyte-tbody></lyte-table-structure></lyte-table>',
      'lyte-tbody lyte-tr',
    );
    expect(labels(row)).toEqual([
      ['Contact Name', 'Ann Lee'],
      ['Contact Role', 'Evaluator'],
    ]);
  });

  it('gives no label when the table has no header row', () => {
    const row = rowOf('<table><tbody><tr><td>A</td></tr></tbody></table>');
    expect(labels(row)).toEqual([['', 'A']]);
  });
});
