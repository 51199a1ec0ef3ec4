/**
 * The form names are compared in: CRM stage names, contact roles, directory
 * terms. NFKC folds full-width letters ("ＱＡ") that Chinese input methods
 * produce; case and runs of spaces carry no meaning in these names.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
