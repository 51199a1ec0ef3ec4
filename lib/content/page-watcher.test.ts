// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrmAdapter } from '@/lib/crm/adapter';
import type { PageState } from '@/lib/crm/page-state';
import { trackUserPresence } from './user-presence';
import { BREAKER_WINDOW_MS, MAX_READS_PER_WINDOW, NAVIGATION_QUIET_MS, SETTLE_MS, STALE_VIEW_MS, watchPage } from './page-watcher';

/** A stand-in CRM: records live at /r/<id>, the view is `.view.active`, the name is its h1. */
const fakeAdapter: CrmAdapter = {
  id: 'fake',
  label: 'Fake CRM',
  matches: ['https://crm.example/*'],
  objectTypes: ['Deal'],
  recognize: (url) => {
    const match = /^\/r\/(\w+)$/.exec(url.pathname);
    return match?.[1] ? { objectType: 'Deal', recordId: match[1] } : null;
  },
  findRecordRoot: (doc, ref) => doc.querySelector(`.view.active[data-id="${ref.recordId}"]`),
  extract: (root) => ({ name: root.querySelector('h1')?.textContent ?? undefined, fields: [], contacts: [], missing: [] }),
};

/** A CRM whose views name no record id (Dynamics, Pipedrive, Odoo): the active view is the record, whatever the URL says. */
const idlessAdapter: CrmAdapter = { ...fakeAdapter, id: 'idless', findRecordRoot: (doc) => doc.querySelector('.view.active') };

function showRecord(id: string, name: string): HTMLElement {
  document.querySelectorAll('.view.active').forEach((view) => view.classList.remove('active'));
  const view = document.createElement('div');
  view.className = 'view active';
  view.dataset.id = id;
  const h1 = document.createElement('h1');
  h1.textContent = name;
  view.append(h1);
  document.body.append(view);
  return view;
}

const names = (sent: PageState[]) => sent.map((state) => (state.kind === 'record' ? state.snapshot.name : state.reason));

let stop: () => void = () => {};
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  document.body.replaceChildren();
  history.replaceState(null, '', '/home');
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

/** Watches the page with record `id` on screen at /r/`id`; what the watcher sends collects in `sent`. */
function watchRecord(id: string, name: string, adapter: CrmAdapter = fakeAdapter): { sent: PageState[]; view: HTMLElement } {
  const sent: PageState[] = [];
  history.replaceState(null, '', `/r/${id}`);
  const view = showRecord(id, name);
  stop = watchPage({ adapter, send: async (state) => void sent.push(state) }).stop;
  return { sent, view };
}

async function settle(ms = SETTLE_MS + 400): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('watchPage', () => {
  it('reports the page at start, then each in-app navigation once', async () => {
    const sent: PageState[] = [];
    stop = watchPage({ adapter: fakeAdapter, send: async (state) => void sent.push(state) }).stop;
    expect(names(sent)).toEqual(['not-a-record-page']);

    showRecord('a1', 'First deal');
    history.pushState(null, '', '/r/a1');
    await settle();
    showRecord('b2', 'Second deal'); // the first view stays in the DOM, hidden
    history.pushState(null, '', '/r/b2');
    await settle();
    expect(names(sent)).toEqual(['not-a-record-page', 'First deal', 'Second deal']);
  });

  it.each([
    ['', fakeAdapter],
    [' (views that name no record id)', idlessAdapter],
  ])('re-reads when the record’s content changes, and not when nothing changed%s', async (_, adapter) => {
    const { sent, view } = watchRecord('a1', 'Draft name', adapter);
    view.querySelector('h1')!.textContent = 'Final name';
    await settle();
    view.setAttribute('class', 'view active'); // a mutation that changes nothing visible
    await settle();
    expect(names(sent)).toEqual(['Draft name', 'Final name']);
  });

  it('reports a record once it renders after the URL changed', async () => {
    const sent: PageState[] = [];
    stop = watchPage({ adapter: fakeAdapter, send: async (state) => void sent.push(state) }).stop;
    history.pushState(null, '', '/r/late');
    await settle();
    showRecord('late', 'Late deal');
    await settle();
    expect(names(sent)).toEqual(['not-a-record-page', 'record-not-rendered', 'Late deal']);
  });

  it('stops reading on DOM churn beyond the circuit breaker until the window passes', async () => {
    const sent: PageState[] = [];
    const extract = vi.spyOn(fakeAdapter, 'extract');
    history.replaceState(null, '', '/r/a1');
    const view = showRecord('a1', 'Busy');
    stop = watchPage({ adapter: fakeAdapter, send: async (state) => void sent.push(state) }).stop;
    // Twice as many changes as the breaker allows, all inside one breaker window.
    for (let i = 0; i < MAX_READS_PER_WINDOW * 2; i++) {
      view.querySelector('h1')!.textContent = `Busy ${i}`;
      await settle(SETTLE_MS + 1);
    }
    expect(extract.mock.calls.length).toBeLessThanOrEqual(MAX_READS_PER_WINDOW + 1);
    await settle(BREAKER_WINDOW_MS);
    view.querySelector('h1')!.textContent = 'Calm again';
    await settle();
    expect(names(sent).at(-1)).toBe('Calm again');
  });

  it('stops everything once the extension is gone', async () => {
    const send = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    history.replaceState(null, '', '/r/a1');
    showRecord('a1', 'Orphan');
    stop = watchPage({ adapter: fakeAdapter, send }).stop;
    await settle();
    history.pushState(null, '', '/r/b2');
    showRecord('b2', 'Never sent');
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('watchPage on in-app navigation', () => {
  it('does not report "not rendered" for a view that renders within the settle time', async () => {
    const { sent } = watchRecord('a1', 'First deal');
    history.pushState(null, '', '/r/b2'); // the URL changes first, as in Lightning…
    await vi.advanceTimersByTimeAsync(50);
    showRecord('b2', 'Second deal'); // …and the view follows a moment later
    await settle();
    expect(names(sent)).toEqual(['First deal', 'Second deal']);
  });
});

describe('watchPage on in-app navigation, timed', () => {
  // popstate makes the watcher notice the new URL at once (happy-dom has no Navigation API; the URL poll would add up to 300 ms).
  const navigate = (path: string) => {
    history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  it('sends a new record after a short quiet, well before the settle time', async () => {
    const { sent } = watchRecord('a1', 'First deal');
    navigate('/r/b2');
    showRecord('b2', 'Second deal');
    await vi.advanceTimersByTimeAsync(NAVIGATION_QUIET_MS - 1);
    expect(names(sent)).toEqual(['First deal']);
    await vi.advanceTimersByTimeAsync(2);
    expect(names(sent)).toEqual(['First deal', 'Second deal']);
  });

  it('keeps "not rendered" back until the settle time, and sends a view that renders meanwhile once it is quiet', async () => {
    const { sent } = watchRecord('a1', 'First deal');
    navigate('/r/b2');
    await vi.advanceTimersByTimeAsync(NAVIGATION_QUIET_MS + 20); // the first look found nothing: not sent
    expect(names(sent)).toEqual(['First deal']);
    showRecord('b2', 'Second deal');
    await vi.advanceTimersByTimeAsync(SETTLE_MS - NAVIGATION_QUIET_MS - 20 + 1);
    expect(names(sent)).toEqual(['First deal', 'Second deal']);
  });

  it('says "not rendered" once the settle time has passed without a record', async () => {
    const { sent } = watchRecord('a1', 'First deal');
    navigate('/r/b2');
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(names(sent)).toEqual(['First deal']);
    await vi.advanceTimersByTimeAsync(2);
    expect(names(sent)).toEqual(['First deal', 'record-not-rendered']);
  });
});

const recordIds = (sent: PageState[]) => sent.map((state) => (state.kind === 'record' ? state.snapshot.recordId : state.reason));

describe('watchPage on a CRM whose views name no record id', () => {
  it('does not report the previous view under the new URL, and reports the new view once it renders', async () => {
    const { sent } = watchRecord('a1', 'First deal', idlessAdapter);
    history.pushState(null, '', '/r/b2'); // the old view is still on screen…
    await settle(STALE_VIEW_MS / 2);
    expect(names(sent)).toEqual(['First deal']);
    showRecord('b2', 'Second deal'); // …until the new one renders, in a new element
    await settle();
    expect(names(sent)).toEqual(['First deal', 'Second deal']);
    expect(recordIds(sent)).toEqual(['a1', 'b2']);
  });

  it('believes a new record that looks exactly like the previous one once the hold has passed', async () => {
    const { sent } = watchRecord('a1', 'Same name', idlessAdapter);
    history.pushState(null, '', '/r/b2');
    await settle(STALE_VIEW_MS + SETTLE_MS + 400); // + the URL poll where the Navigation API is missing
    expect(recordIds(sent)).toEqual(['a1', 'b2']);
  });
});

describe('watchPage reading on demand', () => {
  const watchOnDemand = (sent: PageState[]) => watchPage({ adapter: fakeAdapter, send: async (state) => void sent.push(state), readOnDemand: trackUserPresence(window) });

  it('announces a record page of a fresh load without reading it, and reads it after the user’s first event', async () => {
    const extract = vi.spyOn(fakeAdapter, 'extract');
    const sent: PageState[] = [];
    history.replaceState(null, '', '/r/a1');
    showRecord('a1', 'First deal');
    const watch = watchOnDemand(sent);
    stop = watch.stop;
    await settle();
    expect(names(sent)).toEqual(['not-read-yet']);
    expect(extract).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointermove'));
    await settle();
    expect(names(sent)).toEqual(['not-read-yet', 'First deal']);
  });

  it('reads at once when asked, and resolves once the state is sent', async () => {
    const sent: PageState[] = [];
    history.replaceState(null, '', '/r/a1');
    showRecord('a1', 'First deal');
    const watch = watchOnDemand(sent);
    stop = watch.stop;
    await watch.readNow();
    expect(names(sent)).toEqual(['not-read-yet', 'First deal']);
  });

  it('sends a record read again unchanged only once, also after a first read that followed "not read yet"', async () => {
    const sent: PageState[] = [];
    history.replaceState(null, '', '/r/a1');
    const view = showRecord('a1', 'First deal');
    const watch = watchOnDemand(sent);
    stop = watch.stop;
    await watch.readNow();
    await watch.readNow();
    view.querySelector('h1')!.textContent = 'First deal, renamed';
    await watch.readNow();
    await watch.readNow();
    expect(names(sent)).toEqual(['not-read-yet', 'First deal', 'First deal, renamed']);
  });

  it('keeps announcing, not reading, while the URL moves before anything asked', async () => {
    const sent: PageState[] = [];
    stop = watchOnDemand(sent).stop;
    history.pushState(null, '', '/r/a1');
    showRecord('a1', 'First deal');
    await settle();
    expect(names(sent)).toEqual(['not-a-record-page', 'not-read-yet']);
  });

  it('reads at once on a page the user has already used', async () => {
    Object.defineProperty(window.navigator, 'userActivation', { value: { hasBeenActive: true }, configurable: true });
    try {
      const sent: PageState[] = [];
      history.replaceState(null, '', '/r/a1');
      showRecord('a1', 'First deal');
      stop = watchOnDemand(sent).stop;
      expect(names(sent)).toEqual(['First deal']);
    } finally {
      Reflect.deleteProperty(window.navigator, 'userActivation');
    }
  });
});

describe('watchPage on a record rendered in native shadow DOM', () => {
  it('re-reads when a value inside an open shadow root of the record changes', async () => {
    // The name lives in a component's shadow root, as in LWC native shadow (Salesforce).
    const shadowAdapter: CrmAdapter = {
      ...fakeAdapter,
      extract: (root) => ({ name: root.querySelector('x-title')?.shadowRoot?.querySelector('h1')?.textContent ?? undefined, fields: [], contacts: [], missing: [] }),
    };
    history.replaceState(null, '', '/r/a1');
    const view = showRecord('a1', '');
    const title = document.createElement('x-title');
    title.attachShadow({ mode: 'open' }).innerHTML = '<h1>Draft name</h1>';
    view.append(title);
    const sent: PageState[] = [];
    stop = watchPage({ adapter: shadowAdapter, send: async (state) => void sent.push(state) }).stop;
    title.shadowRoot!.querySelector('h1')!.textContent = 'Final name';
    await settle();
    expect(names(sent)).toEqual(['Draft name', 'Final name']);
  });
});
