import { fileError, validatePeople, type DirectoryImport } from './import-result';

/**
 * A team directory as JSON: an array of people, or `{ "people": [...] }`;
 * either parsed already (managed storage) or as text (a file).
 */
export function importDirectoryJson(input: unknown): DirectoryImport {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fileError(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const rows = Array.isArray(data) ? data : isPeopleWrapper(data) ? data.people : undefined;
  if (rows === undefined) return fileError('Expected an array of people or an object with a "people" array.');
  return validatePeople(rows.map((person, index) => ({ row: index + 1, input: person })));
}

function isPeopleWrapper(data: unknown): data is { people: unknown[] } {
  return typeof data === 'object' && data !== null && Array.isArray((data as { people?: unknown }).people);
}
