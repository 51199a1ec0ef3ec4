import validatedDefaultPlaybook from './default-playbook.validated.json';
import type { Playbook } from './schema';

/**
 * The LTC iron-triangle playbook of the domain brief. `default-playbook.json` is
 * its source, written by hand; `default-playbook.validated.json` is what
 * `parsePlaybook` makes of it (migrated, defaults filled in), kept as a file
 * snapshot by default-playbook.test.ts, which fails when the two part
 * (`npx vitest run lib/playbook/default-playbook.test.ts -u` writes it anew).
 * Validating the source as each page and each service-worker start loaded this
 * module cost 5–20 ms of every panel page's start (31 ms for the first;
 * bench/findings.md, item 8); the schema is the same, checked once, by the test.
 */
export const DEFAULT_PLAYBOOK: Playbook = validatedDefaultPlaybook as unknown as Playbook;
