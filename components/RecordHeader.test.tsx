// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { setLocale } from '@/lib/i18n';
import { validSnapshot } from '@/test/support/snapshots';
import { RecordHeader } from './RecordHeader';
import { NoRecord } from './NoRecord';

afterEach(() => {
  cleanup();
  setLocale('en');
});

describe('RecordHeader', () => {
  it('shows the record’s facts and which adapter read them', () => {
    render(<RecordHeader record={validSnapshot} />);
    expect(screen.getByTestId('record-name').textContent).toBe('Nile Telecom – Solar Hybrid Sites');
    expect(screen.getByTestId('record-stage').textContent).toBe('Needs Analysis');
    expect(screen.getByTestId('record-amount').textContent).toBe('USD 1,250,000.00');
    expect(screen.getByTestId('adapter-health').textContent).toBe('Read by the Salesforce Lightning adapter');
  });

  it('says which parts it could not read, in Chinese too', () => {
    setLocale('zh-CN');
    render(<RecordHeader record={{ ...validSnapshot, stage: undefined, amount: undefined, missing: ['stage', 'amount'] }} />);
    expect(screen.getByTestId('record-stage').textContent).toBe('未读取到');
    expect(screen.getByTestId('adapter-health').textContent).toContain('页面上未找到：阶段, 金额。Salesforce Lightning 可能已更改其页面布局。');
  });

  it('renders markup from the page as text', () => {
    render(<RecordHeader record={{ ...validSnapshot, name: '<img src=x onerror=alert(1)>' }} />);
    expect(screen.getByTestId('record-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('NoRecord', () => {
  it('explains an unrecognised CRM page', () => {
    render(<NoRecord state={{ kind: 'unrecognised', reason: 'unsupported-object', adapter: 'salesforce' }} />);
    expect(screen.getByTestId('no-record-reason').textContent).toBe('Salesforce Lightning shows a record type Iron Triangle does not read yet.');
  });
  it('says plainly when the tab has no CRM record, in Chinese too', () => {
    setLocale('zh-CN');
    render(<NoRecord state={{ kind: 'none' }} />);
    expect(screen.getByRole('heading').textContent).toBe('此标签页中没有 CRM 记录');
  });
});
