/**
 * The browser tests' Chromium lookup, with each OS's file layout faked: CHROME_PATH first, then the usual
 * install locations of Debian/Ubuntu (package and snap), Google Chrome, macOS and Windows; a one-line install hint
 * when none is there; CI never skips.
 */
import { describe, expect, it } from '@jest/globals';
import { BROWSER_ENV, findBrowser, type Machine, underCi } from './browser';

function machine(platform: NodeJS.Platform, files: string[], env: Machine['env'] = {}): Machine {
  const present = new Set(files);
  return { platform, env, exists: (path) => present.has(path) };
}

describe('finding a Chromium or Chrome for the browser tests', () => {
  it('takes CHROME_PATH when it is set and exists, before any usual location', () => {
    const m = machine('linux', ['/usr/bin/chromium', '/home/me/chrome/chrome'], {
      [BROWSER_ENV]: '/home/me/chrome/chrome',
    });
    expect(findBrowser(m)).toEqual({ found: true, path: '/home/me/chrome/chrome' });
  });

  it('refuses a CHROME_PATH that does not exist instead of quietly using another browser', () => {
    const m = machine('linux', ['/usr/bin/chromium'], { [BROWSER_ENV]: '/nowhere/chrome' });
    expect(findBrowser(m)).toEqual({
      found: false,
      reason: `${BROWSER_ENV}=/nowhere/chrome does not exist.`,
    });
  });

  it.each([
    ['Debian chromium', 'linux', '/usr/bin/chromium', {}],
    ['Ubuntu chromium-browser', 'linux', '/usr/bin/chromium-browser', {}],
    ['Ubuntu snap', 'linux', '/snap/bin/chromium', {}],
    ['Google Chrome on Linux', 'linux', '/usr/bin/google-chrome-stable', {}],
    ['Google Chrome in /opt', 'linux', '/opt/google/chrome/chrome', {}],
    ['Chrome on macOS', 'darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', {}],
    ['Chromium on macOS', 'darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium', {}],
    [
      'Chrome in ~/Applications on macOS',
      'darwin',
      '/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      { HOME: '/Users/me' },
    ],
    [
      'Chrome per machine on Windows',
      'win32',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' },
    ],
    [
      'Chrome (x86) on Windows',
      'win32',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
    ],
    [
      'Chrome per user on Windows',
      'win32',
      'C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' },
    ],
  ] as const)('finds %s', (_name, platform, path, env) => {
    expect(findBrowser(machine(platform, [path], env))).toEqual({ found: true, path });
  });

  it('prefers Debian chromium over the snap and Chrome when several are installed', () => {
    const m = machine('linux', ['/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(findBrowser(m)).toEqual({ found: true, path: '/usr/bin/chromium' });
  });

  it("does not look for one OS's paths on another", () => {
    expect(findBrowser(machine('darwin', ['/usr/bin/chromium'])).found).toBe(false);
    expect(findBrowser(machine('linux', ['/Applications/Chromium.app/Contents/MacOS/Chromium'])).found).toBe(
      false,
    );
  });

  it.each([
    ['linux', /apt-get install chromium.*snap install chromium.*CHROME_PATH/],
    ['darwin', /Google Chrome.*CHROME_PATH/],
    ['win32', /Google Chrome.*CHROME_PATH/],
  ] as const)('says in one line how to install one on %s when none is found', (platform, hint) => {
    const result = findBrowser(machine(platform, [], { HOME: '/h', PROGRAMFILES: 'C:\\P' }));
    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.reason).toMatch(hint);
    expect(result.reason).not.toContain('\n');
  });

  it('treats CI=true (or 1) as CI, where a missing browser fails instead of skipping', () => {
    expect(underCi({ CI: 'true' })).toBe(true);
    expect(underCi({ CI: '1' })).toBe(true);
    expect(underCi({ CI: 'false' })).toBe(false);
    expect(underCi({})).toBe(false);
  });
});
