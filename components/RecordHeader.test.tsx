// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { validSnapshot } from '@/test/support/snapshots';
import { RecordHeader } from './RecordHeader';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import { writeCustomCrms } from '@/lib/custom-crm/store';
import { ACME } from '@/lib/custom-crm/testing';
import { getDatabase } from '@/lib/store/connection';

const plain = (text: string | null) => text?.replace(/\s/g, ' ');
/** The note an element takes focus with and is described by, if any. */
const hintOf = (element: Element) => {
  const focusable = element.closest('[aria-describedby]');
  if (!(focusable instanceof HTMLElement) || focusable.tabIndex !== 0) return null;
  const hint = document.getElementById(focusable.getAttribute('aria-describedby')!);
  return hint?.getAttribute('role') === 'tooltip' ? hint.textContent : null;
};
const DATA = ['USD', 'Nile Telecom – Solar Hybrid Sites', 'Needs Analysis', 'Salesforce Lightning', 'Priya Nair', 'Nile Telecom'];

function cleanupAndRender(record: RecordSnapshot) {
  cleanup();
  render(<RecordHeader record={record} />);
}

describeInEachLocale('RecordHeader', (locale) => {
  it('shows the record’s facts, the amount and close date in the locale’s format, and which adapter read them', () => {
    const { container } = render(<RecordHeader record={{ ...validSnapshot, closeDate: '3/31/2027', owner: 'Priya Nair', account: 'Nile Telecom' }} />);
    expect(screen.getByTestId('record-name').textContent).toBe('Nile Telecom – Solar Hybrid Sites');
    expect(screen.getByTestId('record-stage').textContent).toBe('Needs Analysis');
    expect(plain(screen.getByTestId('record-amount').textContent)).toBe('USD 1,250,000.00');
    expect(screen.getByTestId('record-close-date').textContent).toBe(locale === 'en' ? 'Mar 31, 2027' : '2027年3月31日');
    expect(screen.getByTestId('adapter-health').textContent).toBe(t('healthReadBy', 'Salesforce Lightning'));
    expect(screen.getByText(t('fieldCloseDate'))).toBeTruthy();
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('names a CRM the user added once its name is read, never by its adapter id', async () => {
    await writeCustomCrms(await getDatabase(), [ACME]);
    render(<RecordHeader record={{ ...validSnapshot, crm: 'custom-acme-crm', adapter: 'custom-acme-crm', missing: ['stage'] }} />);
    const health = screen.getByTestId('adapter-health');
    expect(health.textContent).not.toContain('custom-acme-crm');
    await vi.waitFor(() => expect(health.textContent).toContain(t('healthReadBy', 'Acme CRM (best-effort reader)')));
    expect(health.textContent).not.toContain('custom-acme-crm');
    await writeCustomCrms(await getDatabase(), []);
  });

  it('keeps a date or amount it cannot read as the CRM shows it', () => {
    render(<RecordHeader record={{ ...validSnapshot, closeDate: '3/4/2027', amount: { text: 'TBD', value: null } }} />);
    expect(screen.getByTestId('record-close-date').textContent).toBe('3/4/2027');
    expect(screen.getByTestId('record-amount').textContent).toBe('TBD');
  });

  it('says which parts it could not read', () => {
    const { container } = render(<RecordHeader record={{ ...validSnapshot, stage: undefined, amount: undefined, missing: ['stage', 'amount'] }} />);
    expect(screen.getByTestId('record-stage').textContent).toBe(t('valueNotRead'));
    expect(screen.getByTestId('adapter-health').textContent).toContain(t('healthMissing', `${t('partStage')}, ${t('partAmount')}`, 'Salesforce Lightning'));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('says which reader gave a part the adapter missed, on the value (hover and focus) and in the health line, apart from what is missing', () => {
    const record = {
      ...validSnapshot,
      owner: 'Priya Nair',
      account: undefined,
      missing: ['account' as const],
      sources: { stage: 'label' as const, amount: 'label' as const, owner: 'rule' as const, contacts: 'label' as const },
    };
    const { container } = render(<RecordHeader record={record} />);
    expect(screen.getByTestId('record-stage').textContent).toBe('Needs Analysis');
    expect(hintOf(screen.getByTestId('record-stage'))).toBe(t('sourceLabel'));
    expect(hintOf(screen.getByTestId('record-amount'))).toBe(t('sourceLabel'));
    expect(hintOf(screen.getByTestId('record-owner'))).toBe(t('sourceRule'));
    // Focus reaches the value, which the note describes.
    const stage = screen.getByTestId('record-stage').closest<HTMLElement>('[aria-describedby]')!;
    stage.focus();
    expect(document.activeElement).toBe(stage);
    // What the adapter read itself, and what is missing, carries no note.
    expect(hintOf(screen.getByTestId('record-close-date'))).toBeNull();
    expect(hintOf(screen.getByTestId('record-account'))).toBeNull();
    const sources = screen.getAllByTestId('health-sources').map((line) => line.textContent?.trim());
    expect(sources).toEqual([t('healthSourceLabel', [t('partStage'), t('partAmount'), t('partContacts')].join(', ')), t('healthSourceRule', t('partOwner'))]);
    const health = screen.getByTestId('adapter-health');
    expect(health.querySelector('.health-missing')?.textContent?.trim()).toBe(t('healthMissing', t('partAccount'), 'Salesforce Lightning'));
    expectOnlyLocaleText(container, locale, [...DATA, 'Priya Nair']);
  });

  it('marks an amount whose currency was assumed from a bare "$", and says why', () => {
    const amount = { text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true };
    const { container } = render(<RecordHeader record={{ ...validSnapshot, amount }} />);
    const marker = screen.getByTestId('amount-assumed');
    expect(marker.textContent).toBe(t('amountAssumed'));
    expect(hintOf(marker)).toBe(locale === 'en' ? 'The page shows only “$”: taken as US dollars' : '页面只显示“$”：按美元计');
    expectOnlyLocaleText(container, locale, DATA);
    cleanupAndRender({ ...validSnapshot, amount: { ...amount, currencyAssumed: undefined } });
    expect(screen.queryByTestId('amount-assumed')).toBeNull();
  });

  it('says when page rules no longer match, with the way to the options', () => {
    const openOptionsPage = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const { container } = render(<RecordHeader record={{ ...validSnapshot, staleRules: ['r1', 'r2'] }} />);
    const notice = screen.getByTestId('stale-rules');
    expect(notice.textContent).toContain(t('staleRulesNotice', '2'));
    fireEvent.click(screen.getByRole('button', { name: t('staleRulesOpenOptions') }));
    expect(openOptionsPage).toHaveBeenCalledOnce();
    expectOnlyLocaleText(container, locale, DATA);
    cleanupAndRender({ ...validSnapshot, staleRules: ['r1'] });
    expect(screen.getByTestId('stale-rules').textContent).toContain(t('staleRuleNotice'));
    cleanupAndRender({ ...validSnapshot, staleRules: [] });
    expect(screen.queryByTestId('stale-rules')).toBeNull();
  });

  it('renders markup from the page as text', () => {
    render(<RecordHeader record={{ ...validSnapshot, name: '<img src=x onerror=alert(1)>' }} />);
    expect(screen.getByTestId('record-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
