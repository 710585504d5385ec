/**
 * The export round trip's LibreOffice lookup, with each OS's file layout faked: SOFFICE_PATH first, then the usual
 * install locations of Linux (packages, LibreOffice's own /opt packages, the snap), macOS (app, Homebrew) and
 * Windows; a one-line install hint when none is there.
 */
import { describe, expect, it } from '@jest/globals';
import type { Machine } from './browser';
import { findSoffice, SOFFICE_ENV } from './libreoffice';

function machine(platform: NodeJS.Platform, files: string[], env: Machine['env'] = {}): Machine {
  const present = new Set(files);
  return { platform, env, exists: (path) => present.has(path) };
}

describe('finding LibreOffice for the export round trip', () => {
  it.each([
    ['linux', '/usr/bin/soffice', {}],
    ['linux', '/usr/lib64/libreoffice/program/soffice', {}],
    ['linux', '/snap/bin/libreoffice', {}],
    ['freebsd', '/usr/local/bin/soffice', {}],
    ['darwin', '/Applications/LibreOffice.app/Contents/MacOS/soffice', {}],
    ['darwin', '/Users/me/Applications/LibreOffice.app/Contents/MacOS/soffice', { HOME: '/Users/me' }],
    ['darwin', '/opt/homebrew/bin/soffice', {}],
    ['win32', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe', { PROGRAMFILES: 'C:\\Program Files' }],
    [
      'win32',
      'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
      { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
    ],
  ] as Array<[NodeJS.Platform, string, Machine['env']]>)('%s: finds %s', (platform, path, env) => {
    expect(findSoffice(machine(platform, [path], env))).toEqual({ found: true, path });
  });

  it("finds LibreOffice's own Linux package under /opt", () => {
    const path = '/opt/libreoffice24.8/program/soffice';
    expect(findSoffice(machine('linux', [path]), ['/opt/libreoffice24.8'])).toEqual({ found: true, path });
  });

  it('takes SOFFICE_PATH first, and refuses one that does not exist instead of quietly using another', () => {
    const files = ['/usr/bin/soffice', '/home/me/lo/program/soffice'];
    expect(findSoffice(machine('linux', files, { [SOFFICE_ENV]: '/home/me/lo/program/soffice' }))).toEqual({
      found: true,
      path: '/home/me/lo/program/soffice',
    });
    expect(findSoffice(machine('linux', files, { [SOFFICE_ENV]: '/nowhere/soffice' }))).toEqual({
      found: false,
      reason: `${SOFFICE_ENV}=/nowhere/soffice does not exist.`,
    });
  });

  it.each([
    ['linux', /apt-get install libreoffice-calc-nogui/],
    ['darwin', /brew install --cask libreoffice/],
    ['win32', /libreoffice\.org\/download/],
  ] as Array<[NodeJS.Platform, RegExp]>)(
    '%s without LibreOffice: one line saying how to get it',
    (platform, how) => {
      const result = findSoffice(machine(platform, [], { PROGRAMFILES: 'C:\\Program Files' }));
      expect(result.found).toBe(false);
      if (!result.found) {
        expect(result.reason).toMatch(how);
        expect(result.reason).toContain(SOFFICE_ENV);
        expect(result.reason).not.toContain('\n');
      }
    },
  );
});
