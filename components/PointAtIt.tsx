import { useState } from 'react';
import { EXPECTED_PARTS, type ExpectedPart, type RecordSnapshot } from '@/lib/crm/snapshot';
import { t, type MessageKey } from '@/lib/i18n';
import type { PointAtItResult } from '@/lib/messaging/protocol';
import { pointAtIt } from '@/lib/messaging/page-client';
import { PART_LABEL } from './part-labels';

type Failure = Extract<PointAtItResult, { outcome: 'failed' }>['reason'];

const FAILURE: Record<Failure, MessageKey> = {
  'no-permission': 'pointFailedNoPermission',
  'tab-gone': 'pointFailedTabGone',
  'not-a-record': 'pointFailedNotRecord',
  'picker-failed': 'pointFailedPicker',
  'unusable-rule': 'pointFailedUnusable',
  'too-many-rules': 'pointFailedTooMany',
};

type Status = { kind: 'pointing' | 'saved' | 'cancelled' | 'error'; text: string } | null;

function statusOf(result: PointAtItResult): Status {
  switch (result.outcome) {
    case 'saved':
      return { kind: 'saved', text: t('pointSaved', t(PART_LABEL[result.part]), result.preview) };
    case 'cancelled':
      return { kind: 'cancelled', text: t('pointCancelled') };
    case 'failed':
      return { kind: 'error', text: t(FAILURE[result.reason]) };
  }
}

/**
 * "Point at it on the page": a button per part the reader missed, and behind
 * a disclosure one per part the user thinks was read wrong. The click lets
 * the user click the value in the CRM page (the background runs the picker
 * there); the outcome is said here, and the record is read again with the new rule.
 */
export function PointAtIt({ tabId, record }: { tabId: number; record: RecordSnapshot }) {
  const [pointing, setPointing] = useState<ExpectedPart | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const point = (part: ExpectedPart) => {
    setPointing(part);
    setStatus({ kind: 'pointing', text: t('pointInProgress', t(PART_LABEL[part])) });
    void pointAtIt(tabId, part).then(
      (result) => setStatus(statusOf(result)),
      (error: unknown) => setStatus({ kind: 'error', text: t('pointFailedUnknown', error instanceof Error ? error.message : String(error)) }),
    ).finally(() => setPointing(null));
  };
  const button = (part: ExpectedPart) => (
    <button key={part} type="button" className="secondary" data-part={part} disabled={pointing !== null} onClick={() => point(part)}>
      {t('pointAtPart', t(PART_LABEL[part]))}
    </button>
  );
  const read = EXPECTED_PARTS.filter((part) => !record.missing.includes(part));

  return (
    <div className="point-at-it" data-testid="point-at-it">
      {record.missing.length > 0 && <p className="point-at-it-missing">{record.missing.map(button)}</p>}
      {read.length > 0 && (
        <details>
          <summary>{t('pointAtWrong')}</summary>
          <p className="point-at-it-read">{read.map(button)}</p>
        </details>
      )}
      <p className={status?.kind === 'error' ? 'error small' : 'small'} role="status" data-testid="point-status" data-kind={status?.kind}>
        {status?.text}
      </p>
    </div>
  );
}
