import type { Broadcast } from '@/lib/messaging/protocol';

/** Does this broadcast change what `loadDealData` (deal-data.ts) returns for `recordKey`? */
export function touchesDealData(message: Broadcast, recordKey: string): boolean {
  return (
    message.type === 'broadcast/configuration' ||
    (message.type === 'broadcast/facts' && message.recordKey === recordKey) ||
    ((message.type === 'broadcast/notes' || (message.type === 'broadcast/capture' && message.outcome === 'saved')) &&
      (message.recordKey === recordKey || message.recordKey === null))
  );
}
