// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '@/lib/messaging/protocol';
import { validSnapshot } from '@/test/support/snapshots';
import { useTabState } from './useTabRecord';

// The background's `broadcast/tab-state` carries the tab's new state: the panel shows it without
// asking back, except for a page not read yet, which it asks for (asking has the page read).

const TAB = 7;
const notRead: TabState = { kind: 'unrecognised', reason: 'not-read-yet', adapter: 'salesforce' };
const record: TabState = { kind: 'record', snapshot: validSnapshot };
let answers: ((state: TabState) => void)[] = [];

afterEach(cleanup);

beforeEach(() => {
  fakeBrowser.reset();
  answers = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type?: string }) =>
    message.type === 'panel/tab-state' ? new Promise((resolve) => answers.push((state) => resolve({ result: state }))) : Promise.resolve(undefined)) as never);
});

function Shown() {
  const state = useTabState(TAB);
  return <p data-testid="shown">{state.status === 'ready' ? (state.value.kind === 'record' ? state.value.snapshot.name : state.value.kind) : state.status}</p>;
}

/** A broadcast from the background, as this page's runtime.onMessage receives it. */
const broadcast = (message: object) => act(async () => void fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => undefined));
const shown = () => screen.getByTestId('shown').textContent;
const asked = () => vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([message]) => (message as { type?: string }).type === 'panel/tab-state').length;

it('shows the state a broadcast carries without asking back', async () => {
  render(<Shown />);
  await act(async () => answers[0]!({ kind: 'none' }));
  expect(shown()).toBe('none');
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB, state: record });
  expect(shown()).toBe(validSnapshot.name);
  expect(asked()).toBe(1);
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB + 1, state: { kind: 'none' } });
  expect(shown()).toBe(validSnapshot.name);
});

it('asks back for a page not read yet, and for a state that does not parse', async () => {
  render(<Shown />);
  await act(async () => answers[0]!({ kind: 'none' }));
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB, state: notRead });
  expect(asked()).toBe(2);
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB, state: { kind: 'record', snapshot: { ...validSnapshot, host: 42 } } });
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB });
  expect(asked()).toBe(4);
  await act(async () => answers[3]!(record));
  await waitFor(() => expect(shown()).toBe(validSnapshot.name));
});

it('never lets an older answer replace a newer carried state', async () => {
  render(<Shown />);
  await act(async () => answers[0]!({ kind: 'none' }));
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB, state: notRead }); // asks: answer 1 pending
  await broadcast({ type: 'broadcast/tab-state', tabId: TAB, state: record }); // the read's result
  await act(async () => answers[1]!(notRead)); // the answer given before the read, arriving late
  expect(shown()).toBe(validSnapshot.name);
});
