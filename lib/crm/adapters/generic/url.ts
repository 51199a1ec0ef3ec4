import type { RecordRef } from '@/lib/crm/adapter';

// URL -> record ref for any page: the last id-looking segment of the hash route
// or path, or an `id` query parameter.

const OBJECT_TYPE = /^[A-Za-z0-9_]{1,80}$/;
const UUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/** Query parameters that name the record (compared case-insensitively). */
const ID_PARAMS = new Set(['id', 'recordid', 'record_id']);
/** Query parameters that name the record's type: Odoo `model`, SuiteCRM `module`, Dynamics `etn`. */
const TYPE_PARAMS = ['model', 'module', 'etn', 'entity'];
/** Path segments that name a view of the record, not its type (`#Opportunity/view/{id}`, `/deals/{id}/edit`). */
const ACTION_SEGMENTS = new Set(['view', 'show', 'detail', 'details', 'edit', 'record', 'records', 'r', 'read', 'display', 'overview', 'info']);

/** decodeURIComponent, or the text unchanged when it is not valid percent-encoding. */
export function decodeComponent(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The record id a URL segment holds, or null: digits (1–20), a UUID/GUID
 * (braces dropped), or 6–64 letters and digits with at least one letter and
 * two digits ("5f1a2b3c4d5e6f708", "DL10442"). Two digits rather than one keep
 * words such as "oauth2" or "step1b" out.
 */
export function recordIdOf(segment: string): string | null {
  const s = decodeComponent(segment).trim();
  if (/^\d{1,20}$/.test(s)) return s;
  const uuid = UUID.exec(s);
  if (uuid) return uuid[1] as string;
  if (/^[A-Za-z0-9]{6,64}$/.test(s) && /[A-Za-z]/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 2) return s;
  return null;
}

/**
 * A path segment or type parameter as an object type (`sales-deals` -> `sales_deals`,
 * Odoo's `crm.lead` -> `crm_lead` when `dots`), or null when it is no type name
 * (a file such as `index.php`, a number, a view word).
 */
function objectTypeOf(segment: string, dots = false): string | null {
  const s = decodeComponent(segment).trim().replace(dots ? /[-.]/g : /-/g, '_');
  if (!OBJECT_TYPE.test(s) || /^\d+$/.test(s) || ACTION_SEGMENTS.has(s.toLowerCase())) return null;
  return s;
}

/** The object type before `index` in `segments`: view words are skipped, anything else ends the search. */
function typeBefore(segments: readonly string[], index: number): string {
  for (let i = index - 1; i >= 0; i -= 1) {
    const segment = segments[i] as string;
    if (ACTION_SEGMENTS.has(decodeComponent(segment).toLowerCase())) continue;
    return objectTypeOf(segment) ?? 'record';
  }
  return 'record';
}

function refInSegments(segments: readonly string[]): RecordRef | null {
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const recordId = recordIdOf(segments[i] as string);
    if (recordId) return { objectType: typeBefore(segments, i), recordId };
  }
  return null;
}

/** The record named by `id`/`recordId`/`record_id`; its type from a type parameter or the path. */
function refInParams(params: URLSearchParams, pathSegments: readonly string[]): RecordRef | null {
  for (const [key, value] of params) {
    if (!ID_PARAMS.has(key.toLowerCase())) continue;
    const recordId = recordIdOf(value);
    if (!recordId) continue;
    for (const name of TYPE_PARAMS) {
      const type = objectTypeOf(params.get(name) ?? '', true);
      if (type) return { objectType: type, recordId };
    }
    // The path's last segment that is neither a view word nor an id (`/deals/view?id=42` -> deals).
    const words = pathSegments.filter((segment) => !recordIdOf(segment));
    return { objectType: typeBefore(words, words.length), recordId };
  }
  return null;
}

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment.length > 0);

/**
 * The record a URL points at, or null when it names none (list, home, settings).
 * Tried in order: the hash route (`#/deals/123`, EspoCRM `#Opportunity/view/{id}`,
 * Odoo's legacy `#id=42&model=crm.lead`), because a hash-routed app's path is only
 * its shell; then `id`, `recordId` or `record_id` in the query; then the path's
 * last id-looking segment. A plain anchor (`#notes`, `#12`) is no route.
 */
export function recognizeGenericUrl(url: URL): RecordRef | null {
  try {
    const path = segmentsOf(url.pathname);
    const hash = url.hash.replace(/^#!?/, '');
    if (hash) {
      const [route = '', query = ''] = hash.split('?', 2);
      const routeSegments = segmentsOf(route);
      const fromHashQuery = refInParams(new URLSearchParams(route.includes('=') ? route : query), route.includes('=') ? path : routeSegments);
      if (fromHashQuery) return fromHashQuery;
      if (route.includes('/')) {
        const fromRoute = refInSegments(routeSegments);
        if (fromRoute) return fromRoute;
      }
    }
    return refInParams(url.searchParams, path) ?? refInSegments(path);
  } catch {
    return null;
  }
}
