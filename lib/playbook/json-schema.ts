import { z } from '@/lib/zod/mini';
import { PlaybookSchema } from './schema';

/**
 * JSON Schema (draft 2020-12) of a playbook file, for admins who write
 * playbooks in an editor that validates against it. Cross-references (e.g. a
 * rule naming an unknown role) are checked only by `parsePlaybook`.
 */
export function playbookJsonSchema(): Record<string, unknown> {
  // `input`: the file may leave out what has a default.
  return z.toJSONSchema(PlaybookSchema, { io: 'input' });
}
