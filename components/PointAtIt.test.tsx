// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import { validSnapshot } from '@/test/support/snapshots';
import { PointAtIt } from './PointAtIt';
import { RecordHeader } from './RecordHeader';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';

const TAB = 4;
const missingStage = { ...validSnapshot, stage: undefined, missing: ['stage' as const, 'owner' as const] };
const DATA = ['Needs Analysis', '<b>Proposal</b>', 'IndexedDB is broken'];

/** The background's answer to the next request, and the requests it got. */
let answer: unknown;
beforeEach(() => {
  fakeBrowser.reset();
  answer = { result: { outcome: 'saved', part: 'stage', preview: 'Needs Analysis' } };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => answer as never);
});

const sent = () => vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([message]) => message);
const status = () => screen.getByTestId('point-status');

describeInEachLocale('PointAtIt', (locale) => {
  it('offers a button for each part the reader missed, and the others behind “a value is wrong?”', () => {
    const { container } = render(<PointAtIt tabId={TAB} record={missingStage} />);
    const buttons = screen.getAllByRole('button').map((button) => button.textContent);
    expect(buttons).toEqual([
      t('pointAtPart', t('partStage')),
      t('pointAtPart', t('partOwner')),
      ...['partName', 'partAmount', 'partCloseDate', 'partAccount'].map((key) => t('pointAtPart', t(key as never))),
    ]);
    const wrong = container.querySelector('details');
    expect(within(wrong as HTMLElement).getByText(t('pointAtWrong'))).toBeTruthy();
    expect(within(wrong as HTMLElement).queryByRole('button', { name: t('pointAtPart', t('partStage')) })).toBeNull();
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('asks the background to let the user point at the part in this tab, and says what was saved', async () => {
    const { container } = render(<PointAtIt tabId={TAB} record={missingStage} />);
    fireEvent.click(screen.getByRole('button', { name: t('pointAtPart', t('partStage')) }));
    expect(sent()).toEqual([{ type: 'panel/point-at-it', tabId: TAB, part: 'stage' }]);
    await waitFor(() => expect(status().textContent).toBe(t('pointSaved', t('partStage'), 'Needs Analysis')));
    expect(status().getAttribute('role')).toBe('status');
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('is busy while the user points: no second pick', async () => {
    let finish: (value: unknown) => void = () => undefined;
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(() => new Promise((resolve) => (finish = resolve)) as never);
    render(<PointAtIt tabId={TAB} record={missingStage} />);
    fireEvent.click(screen.getByRole('button', { name: t('pointAtPart', t('partStage')) }));
    expect(status().textContent).toBe(t('pointInProgress', t('partStage')));
    for (const button of screen.getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
    finish({ result: { outcome: 'cancelled' } });
    await waitFor(() => expect(status().textContent).toBe(t('pointCancelled')));
    expect((screen.getAllByRole('button')[0] as HTMLButtonElement).disabled).toBe(false);
  });

  it.each([
    ['no-permission', 'pointFailedNoPermission'],
    ['tab-gone', 'pointFailedTabGone'],
    ['not-a-record', 'pointFailedNotRecord'],
    ['picker-failed', 'pointFailedPicker'],
    ['unusable-rule', 'pointFailedUnusable'],
    ['too-many-rules', 'pointFailedTooMany'],
  ] as const)('says why nothing was saved: %s', async (reason, key) => {
    answer = { result: { outcome: 'failed', reason } };
    const { container } = render(<PointAtIt tabId={TAB} record={missingStage} />);
    fireEvent.click(screen.getByRole('button', { name: t('pointAtPart', t('partOwner')) }));
    await waitFor(() => expect(status().textContent).toBe(t(key)));
    expect(status().className).toContain('error');
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('says so when the background does not answer or answers something else', async () => {
    answer = { error: 'IndexedDB is broken' };
    render(<PointAtIt tabId={TAB} record={missingStage} />);
    fireEvent.click(screen.getByRole('button', { name: t('pointAtPart', t('partStage')) }));
    await waitFor(() => expect(status().textContent).toBe(t('pointFailedUnknown', 'IndexedDB is broken')));
    answer = { result: { outcome: 'saved', part: 'stage', preview: 'x'.repeat(201) } };
    fireEvent.click(screen.getByRole('button', { name: t('pointAtPart', t('partStage')) }));
    await waitFor(() => expect(status().textContent).not.toBe(t('pointInProgress', t('partStage'))));
    expect(status().textContent).not.toContain('xxx');
  });

  it('shows the value pointed at as text', async () => {
    answer = { result: { outcome: 'saved', part: 'stage', preview: '<b>Proposal</b>' } };
    const { container } = render(<PointAtIt tabId={TAB} record={missingStage} />);
    fireEvent.click(screen.getByRole('button', { name: t('pointAtPart', t('partStage')) }));
    await waitFor(() => expect(status().textContent).toBe(t('pointSaved', t('partStage'), '<b>Proposal</b>')));
    expect(container.querySelector('b')).toBeNull();
  });

  it('sits in the record header of a panel that follows a tab', () => {
    const { container, rerender } = render(<RecordHeader record={missingStage} tabId={TAB} />);
    expect(container.querySelector('header [data-testid=point-at-it]')).not.toBeNull();
    rerender(<RecordHeader record={missingStage} />);
    expect(container.querySelector('[data-testid=point-at-it]')).toBeNull();
  });
});
