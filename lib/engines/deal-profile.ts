import type { Matching } from '@/lib/playbook/schema';
import { findRecordField, type RecordFieldIndex } from './record-fields';

/** What the record says about the deal that colleagues are matched against. */
export interface DealProfile {
  industry?: string;
  region?: string;
  language?: string;
}

export const PROFILE_DIMENSIONS = ['industry', 'region', 'language'] as const;
export type ProfileDimension = (typeof PROFILE_DIMENSIONS)[number];

export function dealProfile(recordFields: RecordFieldIndex, matching: Matching): DealProfile {
  const profile: DealProfile = {};
  for (const dimension of PROFILE_DIMENSIONS) {
    const field = findRecordField(recordFields, matching.profileFields[dimension]);
    if (field !== undefined) profile[dimension] = field.value;
  }
  return profile;
}
