import { validate, type Validated } from '../domain/issues';
import { PlaybookSchema, type Playbook } from './schema';

/**
 * Validates a playbook from a file, an import or managed storage. The result
 * is the whole playbook or every problem with its path: nothing half-applied.
 */
export function parsePlaybook(input: unknown): Validated<Playbook> {
  return validate(PlaybookSchema, input);
}
