import { t, type MessageKey } from '@/lib/i18n';
import type { CaptureOutcome } from './hooks/useCaptureStatus';

const MESSAGE: Record<CaptureOutcome, MessageKey> = {
  saved: 'captureSaved',
  empty: 'captureEmpty',
  'too-long': 'captureTooLong',
  queued: 'captureQueued',
  quota: 'captureQuota',
  failed: 'captureFailed',
};

/** Live region announcing the last capture's outcome. */
export function CaptureStatus({ outcome }: { outcome: CaptureOutcome | null }) {
  return (
    <p className={`capture-status ${outcome === 'saved' ? 'ok' : 'problem'}`} role="status" data-testid="capture-status">
      {outcome ? t(MESSAGE[outcome]) : ''}
    </p>
  );
}
