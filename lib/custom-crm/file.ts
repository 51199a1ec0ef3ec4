import { z } from '@/lib/zod/mini';
import { check, type Checked } from './checked';
import { CustomCrmSchema, type CustomCrm } from './schema';

// The versioned file user-defined CRMs are exported to and imported from.

export const MAX_CUSTOM_CRMS = 100;
/** Longest import file read, in characters (a full file of 100 definitions is far smaller). */
export const MAX_IMPORT_CHARS = 1_000_000;
export const CUSTOM_CRMS_FORMAT = 'iron-triangle/custom-crms';
export const CUSTOM_CRMS_VERSION = 1;

export const CustomCrmsFileSchema = z.strictObject({
  format: z.literal(CUSTOM_CRMS_FORMAT, `Not an Iron Triangle custom CRM file (format must be "${CUSTOM_CRMS_FORMAT}").`),
  version: z.literal(CUSTOM_CRMS_VERSION, `Only version ${CUSTOM_CRMS_VERSION} files can be imported; this one needs another version of the extension.`),
  crms: z.array(CustomCrmSchema).check(
    z.maxLength(MAX_CUSTOM_CRMS, `A file holds at most ${MAX_CUSTOM_CRMS} CRMs.`),
    z.superRefine((crms, ctx) => {
      const ids = new Map<string, number>();
      const patterns = new Map<string, number>();
      crms.forEach((crm, i) => {
        const sameId = ids.get(crm.id);
        if (sameId !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate id "${crm.id}" (also CRM ${sameId + 1}).`, input: crm.id });
        else ids.set(crm.id, i);
        const samePattern = patterns.get(crm.hostPattern);
        if (samePattern !== undefined) {
          ctx.addIssue({ code: 'custom', path: [i, 'hostPattern'], message: `CRM ${samePattern + 1} already reads ${crm.hostPattern}.`, input: crm.hostPattern });
        } else patterns.set(crm.hostPattern, i);
      });
    }),
  ),
});

export type CustomCrmsFile = z.infer<typeof CustomCrmsFileSchema>;

/** The export file for `crms`, as pretty-printed JSON. */
export function exportCustomCrms(crms: readonly CustomCrm[]): string {
  const file: CustomCrmsFile = { format: CUSTOM_CRMS_FORMAT, version: CUSTOM_CRMS_VERSION, crms: [...crms] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an export file (its text, or the parsed JSON): every definition is
 * validated, ids and host patterns must be unique. All or nothing: any error
 * rejects the file, with the path to each problem. Never throws.
 */
export function importCustomCrms(input: unknown): Checked<CustomCrm[]> {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_CHARS) return { ok: false, errors: [{ path: [], message: `The file is too large (at most ${MAX_IMPORT_CHARS} characters).` }] };
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ path: [], message: 'The file is not JSON.' }] };
    }
  }
  const file = check(CustomCrmsFileSchema, data);
  return file.ok ? { ok: true, value: file.value.crms } : file;
}
