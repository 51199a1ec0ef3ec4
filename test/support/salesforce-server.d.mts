// Types for salesforce-server.mjs, for the TypeScript unit tests.
export type SalesforceRecord = { Id: string; IsDeleted: boolean; [field: string]: unknown };

export interface SalesforceServerState {
  instanceUrl: string;
  orgId: string;
  records: Record<string, Record<string, SalesforceRecord>>;
  picklists: Record<string, string[]>;
  teamSelling: boolean;
  rotateRefreshTokens: boolean;
  apiUsage: number;
  apiLimit: number;
  clockOffsetMs: number;
  requests: { method: string; path: string; host: string }[];
  defaultUserId: string;
  signInAs: string;
  /** Issued refresh tokens; a test may revoke one as an admin would. */
  refreshTokens: Map<string, { clientId: string; userId: string; scope: string[]; revoked: boolean }>;
  seed(type: string, fields: Record<string, unknown>): string;
  touch(type: string, id: string, fields?: Record<string, unknown>): void;
  list(type: string): SalesforceRecord[];
  noteBody(id: string): string;
}

export type SalesforceFault =
  | { kind: 'drop' | 'dropAfterCommit' | 'delay'; match?: string | RegExp; delayMs?: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string>; match?: string | RegExp; delayMs?: number };

export interface SalesforceServer {
  url: string;
  port: number;
  state: SalesforceServerState;
  faults: {
    next(fault: SalesforceFault): void;
    expireTokens(): void;
    limitExceeded(n?: number): void;
    clear(): void;
  };
  fetch: typeof fetch;
  close(): Promise<void>;
}

export function startSalesforceServer(options?: {
  https?: { key: string | Buffer; cert: string | Buffer };
  port?: number;
  instanceUrl?: string;
  apiLimit?: number;
}): Promise<SalesforceServer>;
