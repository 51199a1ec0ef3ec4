/** FNV-1a over UTF-16 code units: a cheap fingerprint of a text, for caches that must notice a change, not resist an attacker. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
