// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publish } from '@/lib/messaging/page-client';
import { useStoredData } from './useStoredData';

// Two changes in quick succession start two reads; the older may finish last (a slow store read
// under load). What is shown must be the answer of the latest read, not of the last to finish.

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
});

function Shown({ read }: { read: () => Promise<string> }) {
  const { data } = useStoredData('value', read, (message) => message.type === 'broadcast/outbox');
  return <p data-testid="shown">{data.status === 'ready' ? data.value : data.status}</p>;
}

it('shows the latest read’s answer when an older read finishes after it', async () => {
  const pending: ((value: string) => void)[] = [];
  const read = () => new Promise<string>((resolve) => pending.push(resolve));
  render(<Shown read={read} />);
  pending[0]!('first');
  await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('first'));
  await act(() => publish({ type: 'broadcast/outbox' })); // read 2: before the change
  await act(() => publish({ type: 'broadcast/outbox' })); // read 3: after it
  await act(async () => pending[2]!('after the change'));
  await act(async () => pending[1]!('before the change'));
  expect(screen.getByTestId('shown').textContent).toBe('after the change');
});
