// A ContentNote's body is HTML (a subset Salesforce sanitises). The panel shows notes as
// text only, never as HTML, so the body is turned into plain text here, without a DOM
// (a service worker has no DOMParser): paragraph and line breaks become new lines, every
// other tag goes, entities are decoded once. What comes out is rendered as a text node.

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

export function noteHtmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6])\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A title as the team reads it: without the marker this extension adds for idempotent resends (mapping.ts). */
export function readableTitle(title: string): string {
  return title.replace(/ \[it:[A-Za-z0-9]{1,12}\]$/, '');
}
