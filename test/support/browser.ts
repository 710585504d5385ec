/**
 * Where the browser tests find a Chromium or Chrome: the path in CHROME_PATH when set, else the first that exists
 * of the usual install locations of this OS (Debian/Ubuntu packages, the Ubuntu snap, Google Chrome's packages,
 * macOS apps, Windows per-machine and per-user installs). Pure: the OS, the environment and the file check come
 * in as arguments, so every layout can be tested on one machine. Playwright's own browser download is never
 * used (it needs the internet; CI installs Debian's chromium).
 */
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** The variable that names the browser to use. */
export const BROWSER_ENV = 'CHROME_PATH';

/** What the lookup needs from the machine. */
export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
}

export type BrowserLookup = { found: true; path: string } | { found: false; reason: string };

/** The usual locations, in order of preference, for one OS. */
export function candidatePaths(platform: NodeJS.Platform, env: Machine['env']): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', env.HOME ? posix.join(env.HOME, 'Applications') : ''].filter(Boolean);
    return apps.flatMap((dir) => [
      posix.join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
      posix.join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramFiles]
      .filter((dir): dir is string => Boolean(dir))
      .filter((dir, i, all) => all.indexOf(dir) === i);
    return roots.flatMap((dir) => [
      win32.join(dir, 'Chromium', 'Application', 'chrome.exe'),
      win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ]);
  }
  // Linux and the BSDs: Debian's chromium, Ubuntu's (a snap since 19.10), Google's packages, Fedora/Arch names.
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/local/bin/chromium',
  ];
}

/** How to get a browser on this OS, in one line. */
export function installHint(platform: NodeJS.Platform): string {
  const how =
    platform === 'darwin'
      ? 'install Google Chrome (or `brew install --cask chromium`)'
      : platform === 'win32'
        ? 'install Google Chrome'
        : 'install Chromium (`sudo apt-get install chromium` on Debian, `sudo snap install chromium` on Ubuntu)';
  return `No Chromium or Chrome found: ${how}, or set ${BROWSER_ENV} to its executable.`;
}

/** Finds the browser. A CHROME_PATH that does not exist is an error, never a quiet fallback. */
export function findBrowser(machine: Machine): BrowserLookup {
  const named = machine.env[BROWSER_ENV]?.trim();
  if (named) {
    return machine.exists(named)
      ? { found: true, path: named }
      : { found: false, reason: `${BROWSER_ENV}=${named} does not exist.` };
  }
  const path = candidatePaths(machine.platform, machine.env).find((p) => machine.exists(p));
  return path ? { found: true, path } : { found: false, reason: installHint(machine.platform) };
}

/** The lookup on this machine. */
export function findLocalBrowser(): BrowserLookup {
  return findBrowser({ platform: process.platform, env: process.env, exists: existsSync });
}

/** True under CI (CI=true or 1), where a missing browser fails the suite instead of skipping it. */
export function underCi(env: Machine['env'] = process.env): boolean {
  return /^(true|1)$/i.test(env.CI ?? '');
}
