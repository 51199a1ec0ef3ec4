import type { ReadPart } from '@/lib/crm/snapshot';
import type { MessageKey } from '@/lib/i18n';

/** How the parts of a record an adapter reads are named to the user. */
export const PART_LABEL: Record<ReadPart, MessageKey> = {
  name: 'partName',
  stage: 'partStage',
  amount: 'partAmount',
  closeDate: 'partCloseDate',
  owner: 'partOwner',
  account: 'partAccount',
  contacts: 'partContacts',
};
