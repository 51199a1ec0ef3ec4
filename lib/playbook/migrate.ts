import { PLAYBOOK_SCHEMA_VERSION } from './schema';

/**
 * Brings a playbook written for an older schema version to the current one,
 * so an imported or managed playbook keeps working after an update. Only
 * plain JSON goes in and out; validation follows. Input of an unknown shape
 * is returned as it is, for the schema to report.
 */
export function migratePlaybook(input: unknown): unknown {
  if (!isObject(input) || input.schemaVersion === PLAYBOOK_SCHEMA_VERSION) return input;
  let playbook = input;
  for (const [from, step] of STEPS) {
    if (playbook.schemaVersion === from) playbook = step(playbook);
  }
  return playbook;
}

type JsonObject = Record<string, unknown>;

const STEPS: [number, (playbook: JsonObject) => JsonObject][] = [
  [
    1,
    // Version 1 counted every mapped CRM field as the captured fact. Version 2
    // asks for that explicitly (a bare name became a hint), so a version 1
    // playbook keeps its meaning with each mapping marked as satisfying.
    (playbook) => ({
      ...playbook,
      schemaVersion: 2,
      requirements: Array.isArray(playbook.requirements)
        ? playbook.requirements.map((requirement) =>
            isObject(requirement) && Array.isArray(requirement.crmFields)
              ? {
                  ...requirement,
                  crmFields: requirement.crmFields.map((field) => (typeof field === 'string' ? { field, satisfies: true } : field)),
                }
              : requirement,
          )
        : playbook.requirements,
    }),
  ],
];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
