/**
 * Minimal typings for sync-fetch 0.7 (the package ships none), covering what the fake GREEN-API launcher uses:
 * a synchronous fetch returning a response with status, headers and synchronous body readers.
 */
declare module 'sync-fetch' {
  interface SyncFetchResponse {
    readonly status: number;
    readonly statusText: string;
    readonly ok: boolean;
    readonly headers: { get(name: string): string | null };
    text(): string;
    json(): unknown;
  }
  interface SyncFetchInit {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
  }
  function syncFetch(resource: string, init?: SyncFetchInit): SyncFetchResponse;
  export default syncFetch;
}
