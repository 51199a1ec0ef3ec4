import { validate, type Validated } from '@/lib/domain/issues';
import { migratePlaybook } from './migrate';
import { PlaybookSchema, type Playbook } from './schema';

/**
 * Validates a playbook from a file, an import or managed storage. The result
 * is the whole playbook or every problem with its path: nothing half-applied.
 * A playbook written for an older schema version is migrated first.
 */
export function parsePlaybook(input: unknown): Validated<Playbook> {
  return validate(PlaybookSchema, migratePlaybook(input));
}
