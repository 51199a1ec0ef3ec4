import type { z } from '@/lib/zod/mini';

// Validation results with a message and a path for each problem, for the
// options page and the import preview.

/** One problem, with the path to the offending value (e.g. `['crms', 2, 'hostPattern']`). */
export interface CustomCrmIssue {
  path: (string | number)[];
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: CustomCrmIssue[] };

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', object: 'an object', array: 'a list' };

/**
 * zod/mini ships no messages ("Invalid input"): the schemas' checks carry their
 * own, and the structural problems get theirs here.
 */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length > 1 ? 'keys' : 'key'}: ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}.`;
    case 'invalid_type':
      return `Expected ${EXPECTED[issue.expected] ?? issue.expected}.`;
    case 'invalid_format':
      return 'Not in the expected format.';
    default:
      return 'Not a valid value.';
  }
}

function issuesOf(error: z.core.$ZodError): CustomCrmIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    message: messageOf(issue),
  }));
}

export function check<T>(schema: z.ZodMiniType<T>, input: unknown): Checked<T> {
  try {
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesOf(result.error) };
  } catch {
    return { ok: false, errors: [{ path: [], message: 'Not a custom CRM definition.' }] };
  }
}
