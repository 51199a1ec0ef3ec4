// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickResult } from './protocol';
import { startPickSession, type PickSession } from './session';

// Events made by the test stand for real input only when `real()` marks them:
// the session asks `isTrusted`, which in a browser is the event's own flag
// (false for every event a page dispatches, as here).

const OPTIONS = { part: 'stage', banner: 'Click the stage value', cancelHint: 'Esc to cancel', unusableHint: 'Pick the value itself' } as const;
let trusted: WeakSet<Event>;
let pageClicks: number;
let pageKeys: number;
let pageDowns: number;
let session: PickSession | null;
let shadows: ShadowRoot[];
let pageListeners: AbortController;

beforeEach(() => {
  document.body.innerHTML = `
    <main>
      <dl><dt class="css-k1">Stage</dt><dd><span data-field="stage">Qualify</span></dd></dl>
      <p class="css-p1">Nothing to pick here</p>
    </main>`;
  trusted = new WeakSet();
  pageClicks = 0;
  pageKeys = 0;
  pageDowns = 0;
  pageListeners = new AbortController();
  const { signal } = pageListeners;
  document.addEventListener('click', () => (pageClicks += 1), { signal });
  document.addEventListener('keydown', () => (pageKeys += 1), { signal });
  document.addEventListener('mousedown', () => (pageDowns += 1), { signal });
  shadows = [];
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const shadow = attachShadow.call(this, init);
    shadows.push(shadow);
    return shadow;
  });
  session = null;
});

afterEach(() => {
  session?.cancel();
  pageListeners.abort();
  document.body.innerHTML = '';
});

function start(isTrusted?: (event: Event) => boolean): PickSession {
  session = startPickSession(OPTIONS, { document, root: document.body, isTrusted: isTrusted ?? ((event) => trusted.has(event)) });
  return session;
}

function real<E extends Event>(event: E): E {
  trusted.add(event);
  return event;
}

function click(target: Element, mark = real): void {
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) target.dispatchEvent(mark(new MouseEvent(type, { bubbles: true, composed: true })));
  target.dispatchEvent(mark(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })));
}

function key(name: string, init: KeyboardEventInit = {}, mark = real): void {
  document.body.dispatchEvent(mark(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...init })));
}

const notYet = Symbol('pending');
async function outcome(pick: PickSession): Promise<PickResult | typeof notYet> {
  return Promise.race([pick.result, new Promise<typeof notYet>((resolve) => setTimeout(() => resolve(notYet), 20))]);
}

/** The overlay's host: the element the picker adds to the document, outside the body. */
function overlayHost(): Element | undefined {
  return Array.from(document.documentElement.children).find((child) => child !== document.head && child !== document.body);
}

const untrusted = <E extends Event>(event: E) => event;

describe('picking with the pointer', () => {
  it('picks the value a real click lands on and keeps the click from the CRM', async () => {
    const pick = start();
    const value = document.querySelector('[data-field]') as Element;
    value.dispatchEvent(real(new MouseEvent('pointermove', { bubbles: true })));
    click(value);
    await expect(pick.result).resolves.toEqual({ locator: { kind: 'selector', selector: '[data-field="stage"]' }, preview: 'Qualify' });
    expect(pageClicks).toBe(0);
    expect(pageDowns).toBe(0);
  });

  it('ignores clicks the page dispatches, which reach the page as before', async () => {
    const pick = start((event) => event.isTrusted);
    click(document.querySelector('[data-field]') as Element, untrusted);
    expect(await outcome(pick)).toBe(notYet);
    expect(pageClicks).toBe(1);
    expect(pageDowns).toBe(1);
    expect(overlayHost()).toBeDefined();
  });

  it('keeps picking when no rule fits the element clicked', async () => {
    const pick = start();
    click(document.querySelector('p') as Element);
    expect(await outcome(pick)).toBe(notYet);
    expect(shadows[0]?.textContent).toContain('Pick the value itself');
    click(document.querySelector('[data-field]') as Element);
    await expect(pick.result).resolves.toMatchObject({ preview: 'Qualify' });
  });

  it('truncates the preview', async () => {
    (document.querySelector('[data-field]') as Element).textContent = 'x'.repeat(250);
    const pick = start();
    click(document.querySelector('[data-field]') as Element);
    const result = await pick.result;
    expect('preview' in result && result.preview.length).toBe(200);
  });
});

describe('picking with the keyboard', () => {
  it('steps through the values with Tab and the arrow keys and picks with Enter', async () => {
    const pick = start();
    key('Tab'); // Stage (the label)
    key('ArrowDown'); // Qualify
    key('ArrowDown'); // the paragraph
    key('Tab', { shiftKey: true }); // back to Qualify
    key('Enter');
    await expect(pick.result).resolves.toEqual({ locator: { kind: 'selector', selector: '[data-field="stage"]' }, preview: 'Qualify' });
    expect(pageKeys).toBe(0);
  });

  it('wraps around the ends', async () => {
    const pick = start();
    key('ArrowUp'); // the last value: the paragraph
    key('ArrowRight'); // wraps to the label
    key('ArrowRight'); // Qualify
    key('Enter');
    await expect(pick.result).resolves.toMatchObject({ preview: 'Qualify' });
  });

  it('cancels with Esc', async () => {
    const pick = start();
    key('Escape');
    await expect(pick.result).resolves.toEqual({ cancelled: true });
    expect(pageKeys).toBe(0);
  });

  it('ignores keys the page dispatches', async () => {
    const pick = start((event) => event.isTrusted);
    key('Escape', {}, untrusted);
    key('Tab', {}, untrusted);
    key('Enter', {}, untrusted);
    expect(await outcome(pick)).toBe(notYet);
    expect(pageKeys).toBe(3);
  });

  it('lets other keys through to the page', async () => {
    start();
    key('a');
    expect(pageKeys).toBe(1);
  });
});

describe('the overlay', () => {
  it('draws the banner in a closed shadow root', () => {
    start();
    const host = overlayHost();
    expect(host).toBeDefined();
    expect(host?.shadowRoot).toBeNull();
    expect(shadows).toHaveLength(1);
    expect(shadows[0]?.mode).toBe('closed');
    expect(shadows[0]?.textContent).toContain('Click the stage value');
    expect(shadows[0]?.textContent).toContain('Esc to cancel');
  });

  it('repeats the highlighted value in the banner', () => {
    start();
    (document.querySelector('[data-field]') as Element).dispatchEvent(real(new MouseEvent('pointermove', { bubbles: true })));
    expect(shadows[0]?.textContent).toContain('Qualify');
  });
});

describe('when the pick ends', () => {
  it.each([
    ['picked', () => click(document.querySelector('[data-field]') as Element)],
    ['cancelled', () => key('Escape')],
    ['cancelled by the caller', () => session?.cancel()],
    ['left (the page goes away)', () => window.dispatchEvent(new Event('pagehide'))],
  ])('removes every trace once %s', async (_, end) => {
    const before = document.documentElement.children.length;
    const pick = start();
    expect(document.documentElement.children.length).toBe(before + 1);
    end();
    await pick.result;
    expect(document.documentElement.children.length).toBe(before);
    const clicksBefore = pageClicks;
    click(document.querySelector('[data-field]') as Element);
    key('Escape');
    expect(pageClicks).toBe(clicksBefore + 1);
    expect(pageDowns).toBeGreaterThan(0);
    expect(pageKeys).toBeGreaterThan(0);
  });
});
