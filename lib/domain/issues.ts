import type { z } from '@/lib/zod/mini';
import { IN_ENGLISH } from '@/lib/zod/english';

/** One validation problem, with the path to the offending value (e.g. `['requirements', 3, 'label', 'en']`). */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

/** Zod's issues as plain data the UI can list and tests can compare. */
export function toValidationIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    message: issue.message,
  }));
}

/** `requirements.3.label.en`, for messages and warnings. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

/** The outcome of validating untrusted input: the value, or every problem with its path. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Runs a schema without throwing; the problems are worded in English (`IN_ENGLISH`). */
export function validate<T>(schema: z.ZodMiniType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input, IN_ENGLISH);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toValidationIssues(result.error) };
}
