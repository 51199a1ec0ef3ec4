// [Limit Info Header] every data response says how much of the org's daily API allowance is
// used: `Sforce-Limit-Info: api-usage=18/15000` (other entries, such as per-app usage, may follow).

export interface ApiLimits {
  used: number;
  max: number;
}

export function parseLimitInfo(header: string | null): ApiLimits | undefined {
  const m = /(?:^|[\s,;])api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  return m ? { used: Number(m[1]), max: Number(m[2]) } : undefined;
}
