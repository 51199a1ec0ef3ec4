import { useEffect, useState } from 'react';
import type { Broadcast } from '@/lib/messaging/protocol';
import { onBroadcast } from '@/lib/messaging/page-client';

export type CaptureOutcome = Extract<Broadcast, { type: 'broadcast/capture' }>['outcome'];

/** The outcome of the latest capture, so the panel can say it (the toolbar badge says it too). */
export function useCaptureStatus(): CaptureOutcome | null {
  const [outcome, setOutcome] = useState<CaptureOutcome | null>(null);
  useEffect(
    () =>
      onBroadcast((message) => {
        if (message.type === 'broadcast/capture') setOutcome(message.outcome);
      }),
    [],
  );
  return outcome;
}
