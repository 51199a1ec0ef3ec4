import { formatPath } from '../domain/issues';
import defaultPlaybookJson from './default-playbook.json';
import { parsePlaybook } from './parse';
import type { Playbook } from './schema';

function loadDefaultPlaybook(): Playbook {
  const parsed = parsePlaybook(defaultPlaybookJson);
  if (parsed.ok) return parsed.value;
  // A broken default is a build defect, never a user's problem: fail loudly at import.
  const problems = parsed.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('\n');
  throw new Error(`default-playbook.json is invalid:\n${problems}`);
}

/** The LTC iron-triangle playbook of the domain brief, validated when this module loads. */
export const DEFAULT_PLAYBOOK: Playbook = loadDefaultPlaybook();
