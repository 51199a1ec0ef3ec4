// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOCKED_WIDTH, LAUNCHER_SIZE, coversControl, createInPageUi, freeSpot, launcherCandidates } from './in-page-ui';

const URLS = { launcher: 'chrome-extension://id/launcher.html', panel: 'chrome-extension://id/sidepanel.html?docked=1', frameTitle: 'Iron Triangle' };
const SIDE = { launcher: true, placement: 'side-panel' } as const;

afterEach(() => {
  document.documentElement.querySelectorAll('iron-triangle-overlay').forEach((host) => host.remove());
  document.documentElement.removeAttribute('style');
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** The host's closed shadow root, as only the content script holding it could see it. */
function shadowOf(host: Element): ShadowRoot {
  return (host as unknown as { __shadow: ShadowRoot }).__shadow;
}
// happy-dom keeps closed roots unreachable too: capture the one attachShadow returns.
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attachShadow.call(this, init);
  (this as unknown as { __shadow: ShadowRoot }).__shadow = root;
  return root;
};

/** Placement waits for a frame; run it at once. */
window.requestAnimationFrame = (callback) => {
  callback(0);
  return 0;
};
/** The first placement waits for the page to be idle: a timer here, so fake timers drive it. */
window.requestIdleCallback = (callback) => setTimeout(callback, 50) as unknown as number;
window.cancelIdleCallback = (handle) => clearTimeout(handle);

/** happy-dom has no layout: give `element` a box, as a browser would. */
function placeAt(element: Element, box: { left: number; top: number; width: number; height: number }): void {
  element.getBoundingClientRect = () => DOMRect.fromRect({ x: box.left, y: box.top, width: box.width, height: box.height });
}

/** The first sign of a user on the page: the badge waits for it on a fresh load. */
const userArrives = () => window.dispatchEvent(new Event('pointermove'));

const overlay = () => document.querySelector('iron-triangle-overlay');
const frames = () => [...shadowOf(overlay()!).querySelectorAll('iframe')];

describe('launcherCandidates', () => {
  it('starts at the bottom-right corner and keeps every spot inside the viewport', () => {
    const spots = launcherCandidates({ width: 1280, height: 800 });
    expect(spots[0]).toEqual({ left: 1280 - LAUNCHER_SIZE.width - 16, top: 800 - LAUNCHER_SIZE.height - 16, ...LAUNCHER_SIZE });
    for (const spot of spots) {
      expect(spot.left).toBeGreaterThanOrEqual(0);
      expect(spot.top).toBeGreaterThanOrEqual(0);
      expect(spot.left + spot.width).toBeLessThanOrEqual(1280);
      expect(spot.top + spot.height).toBeLessThanOrEqual(800);
    }
  });

  it('offers nothing in a viewport too small for the badge', () => {
    expect(launcherCandidates({ width: 40, height: 20 })).toEqual([]);
  });
});

describe('coversControl', () => {
  const box = { left: 100, top: 100, width: 64, height: 36 };

  it.each([
    ['a button', '<button>Save</button>'],
    ['a link', '<a href="/x">Open</a>'],
    ['an input', '<input>'],
    ['something with role=button', '<div role="button">Edit</div>'],
    ['a child of a control', '<button><span>Save</span></button>'],
  ])('is true over %s', (_name, html) => {
    document.body.innerHTML = html;
    const target = document.body.querySelector('span') ?? document.body.firstElementChild!;
    const own = document.createElement('iron-triangle-overlay');
    document.documentElement.append(own);
    document.elementsFromPoint = () => [own, target, document.body];
    expect(coversControl(document, box, own)).toBe(true);
  });

  it('is false over text and layout, and ignores the launcher itself', () => {
    document.body.innerHTML = '<div><p>Description</p></div>';
    const own = document.createElement('iron-triangle-overlay');
    own.append(document.createElement('button')); // our own button never counts
    document.documentElement.append(own);
    document.elementsFromPoint = () => [own.firstElementChild!, own, document.querySelector('p')!, document.body];
    expect(coversControl(document, box, own)).toBe(false);
  });
});

describe('freeSpot', () => {
  const spots = launcherCandidates({ width: 1280, height: 800 });

  it('takes the first spot no control’s box meets without hit testing it', () => {
    document.body.innerHTML = '<button>Save</button>';
    placeAt(document.querySelector('button')!, { left: 0, top: 0, width: 80, height: 30 });
    const hitTest = vi.fn(() => [document.body]);
    document.elementsFromPoint = hitTest;
    expect(freeSpot(document, spots, null)).toEqual(spots[0]);
    expect(hitTest).not.toHaveBeenCalled();
  });

  it('hit-tests a spot a control’s box meets, and passes it by when the control shows there', () => {
    document.body.innerHTML = '<button>Save</button>';
    const button = document.querySelector('button')!;
    placeAt(button, { ...spots[0]!, width: 10 });
    document.elementsFromPoint = (x, y) => (x < spots[0]!.left + 10 && y >= spots[0]!.top ? [button, document.body] : [document.body]);
    expect(freeSpot(document, spots, null)).toEqual(spots[1]);
  });

  it('takes a spot whose control is covered by something else', () => {
    document.body.innerHTML = '<button>Save</button><div>Modal</div>';
    placeAt(document.querySelector('button')!, spots[0]!);
    document.elementsFromPoint = () => [document.querySelector('div')!, document.querySelector('button')!, document.body];
    expect(freeSpot(document, spots, null)).toEqual(spots[0]);
  });
});

describe('createInPageUi', () => {
  it('adds nothing until a record is shown with the badge on', () => {
    const ui = createInPageUi(document, URLS);
    ui.show(null);
    ui.show({ launcher: false, placement: 'side-panel' });
    expect(overlay()).toBeNull();
  });

  it('frames the launcher page in a closed shadow root once the idle page has a spot clear of controls', () => {
    vi.useFakeTimers();
    document.elementsFromPoint = () => [document.body];
    const ui = createInPageUi(document, URLS);
    ui.show(SIDE);
    vi.advanceTimersByTime(2_000);
    expect(overlay()).toBeNull(); // nothing in the page while the user has not shown up (a fresh load)
    userArrives();
    expect(overlay()).toBeNull(); // nor before it is placed
    vi.advanceTimersByTime(100);
    const host = overlay()!;
    expect(host.shadowRoot).toBeNull(); // closed
    const [launcher] = frames();
    expect(launcher!.src).toBe(URLS.launcher);
    expect(launcher!.title).toBe('Iron Triangle');
    expect(launcher!.style.getPropertyValue('display')).toBe('block');
    expect(launcher!.style.getPropertyPriority('position')).toBe('important');
  });

  it('stays out of the page where every spot is over a control, and hides once the page fills up', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button>Everywhere</button>';
    const button = document.querySelector('button')!;
    placeAt(button, { left: 0, top: 0, width: 1280, height: 800 });
    document.elementsFromPoint = () => [button];
    const ui = createInPageUi(document, URLS);
    ui.show(SIDE);
    userArrives();
    vi.advanceTimersByTime(100);
    expect(overlay()).toBeNull();
    // A spot frees up: the badge shows at the next placement; then the page covers every spot again.
    document.elementsFromPoint = () => [document.body];
    window.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(250);
    expect(frames()[0]!.style.getPropertyValue('display')).toBe('block');
    document.elementsFromPoint = () => [button];
    window.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(250);
    expect(frames()[0]!.style.getPropertyValue('display')).toBe('none');
  });

  it('docks the panel at the right, makes room in the page, and gives the page back its margin on close', () => {
    vi.useFakeTimers();
    document.elementsFromPoint = () => [document.body];
    document.documentElement.style.setProperty('margin-right', '12px');
    const ui = createInPageUi(document, URLS);
    ui.show(SIDE);
    userArrives();
    vi.advanceTimersByTime(100);
    expect(frames().some((frame) => frame.src === URLS.launcher)).toBe(true);
    ui.dock('toggle');
    const docked = frames().find((frame) => frame.src === URLS.panel)!;
    expect(docked.style.getPropertyValue('width')).toBe(`${DOCKED_WIDTH}px`);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe(`${DOCKED_WIDTH}px`);
    expect(frames().some((frame) => frame.src === URLS.launcher)).toBe(false); // the badge steps aside
    ui.dock('toggle');
    expect(frames().some((frame) => frame.src === URLS.panel)).toBe(false);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('12px');
    vi.advanceTimersByTime(250);
    expect(frames().some((frame) => frame.src === URLS.launcher)).toBe(true);
  });

  it('ignores docking when the page shows no record', () => {
    const ui = createInPageUi(document, URLS);
    ui.dock('open');
    expect(overlay()).toBeNull();
  });

  it('removes everything when the page stops showing a record', () => {
    const ui = createInPageUi(document, URLS);
    ui.show(SIDE);
    ui.dock('open');
    ui.show(null);
    expect(overlay()).toBeNull();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
  });
});
