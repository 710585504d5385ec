/**
 * The hosts the add-on may call: one list, `allowed-hosts.json`, from which the build writes the manifest's
 * urlFetchWhitelist and against which Settings checks apiUrl — so a saved apiUrl is always one the platform
 * lets the script fetch. Once a manifest has an allowlist, UrlFetchApp refuses every URL outside it, in bound
 * scripts as in add-ons ("If present, any URL endpoint fetched must match a prefix in this list":
 * https://developers.google.com/apps-script/manifest; rules: https://developers.google.com/apps-script/manifest/allowlist-url).
 * A pattern `*.domain` matches any host with at least one label before `.domain` — never `domain` itself, nor a
 * look-alike such as `api.green-api.com.evil.example`. A partner's white-label host is added by the build
 * (`--allow-host`), into the manifest and this list at once.
 */
import BASE from './allowed-hosts.json';

declare const __WA_EXTRA_HOSTS__: string[] | undefined;

/** Every allowed host pattern: GREEN-API's own, and any the build added. */
export const ALLOWED_HOSTS: readonly string[] = [
  ...BASE,
  ...(typeof __WA_EXTRA_HOSTS__ !== 'undefined' ? __WA_EXTRA_HOSTS__ : []),
];

/** True when `hostname` (lower-case, no port) matches one of `patterns`. */
export function isAllowedHost(hostname: string, patterns: readonly string[] = ALLOWED_HOSTS): boolean {
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) {
      const domain = p.slice(1); // ".green-api.com"
      return (
        hostname.endsWith(domain) &&
        hostname.length > domain.length &&
        !hostname.slice(0, -domain.length).endsWith('.')
      );
    }
    return hostname === p;
  });
}
