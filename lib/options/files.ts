/** Largest file the options page reads, in characters: beyond it the import is refused before parsing. */
export const MAX_FILE_CHARS = 200 * 1024 * 1024;

/** Saves `content` as a download the user can keep: the only way data leaves the device. */
export function download(filename: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type FileText = { ok: true; text: string } | { ok: false; reason: 'too-large' };

export async function readFileText(file: File, maxChars = MAX_FILE_CHARS): Promise<FileText> {
  // Bytes >= characters for UTF-8, so this refuses giant files before reading them.
  if (file.size > maxChars * 4) return { ok: false, reason: 'too-large' };
  const text = await file.text();
  return text.length > maxChars ? { ok: false, reason: 'too-large' } : { ok: true, text };
}

/** `iron-triangle-backup-2026-11-27.json` */
export function datedFilename(stem: string, now: Date, extension = 'json'): string {
  return `iron-triangle-${stem}-${now.toISOString().slice(0, 10)}.${extension}`;
}
