// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { t, type MessageKey } from '@/lib/i18n';
import { CaptureStatus } from './CaptureStatus';
import type { CaptureOutcome } from './hooks/useCaptureStatus';
import { describeInEachLocale, expectOnlyLocaleText } from './testing/locales';

const OUTCOMES: [CaptureOutcome, MessageKey, 'ok' | 'problem'][] = [
  ['saved', 'captureSaved', 'ok'],
  ['empty', 'captureEmpty', 'problem'],
  ['too-long', 'captureTooLong', 'problem'],
  ['queued', 'captureQueued', 'problem'],
  ['quota', 'captureQuota', 'problem'],
  ['failed', 'captureFailed', 'problem'],
];

describeInEachLocale('CaptureStatus', (locale) => {
  it.each(OUTCOMES)('announces a %s capture in a live region', (outcome, key, tone) => {
    const { container } = render(<CaptureStatus outcome={outcome} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(t(key));
    expect(status.classList.contains(tone)).toBe(true);
    expectOnlyLocaleText(container, locale);
  });

  it('keeps the live region, empty, before any capture so the first announcement is heard', () => {
    render(<CaptureStatus outcome={null} />);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
