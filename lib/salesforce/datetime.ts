// Salesforce's date formats: the API writes datetimes as `2026-12-04T10:00:00.000+0000` (no
// colon, not `Z`) [Conditional Request Headers], If-Unmodified-Since takes an RFC 7231
// HTTP-date, and SOQL takes unquoted ISO datetimes [SOQL date formats].

const API_DATETIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:?\d\d)$/;

/** Milliseconds since the epoch for an API datetime; throws on anything else. */
export function parseApiDateTime(text: string): number {
  const m = API_DATETIME.exec(text);
  const ms = m ? Date.parse(m[1] + (m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`)) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not a Salesforce datetime: ${text}`);
  return ms;
}

/** RFC 7231 IMF-fixdate, e.g. `Fri, 04 Dec 2026 10:00:00 GMT` (what toUTCString writes). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** An unquoted SOQL datetime literal in UTC, to the second. */
export function soqlDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The HTTP-date for If-Unmodified-Since from the API datetime of the version
 * we based an edit on, rounded up to the second (HTTP-dates have no
 * milliseconds): our own write must never look newer than its base.
 */
export function httpDateOfVersion(apiDateTime: string): string {
  return httpDate(Math.ceil(parseApiDateTime(apiDateTime) / 1000) * 1000);
}
