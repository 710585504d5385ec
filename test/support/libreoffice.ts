/**
 * Where the export's round trip finds LibreOffice's `soffice`: the path in SOFFICE_PATH when set, else the first
 * that exists of the usual install locations of this OS (Debian/Ubuntu and other Linux packages, the official
 * Linux packages under /opt, the Ubuntu snap, Homebrew and the macOS app, Windows per-machine installs). Pure like
 * ./browser.ts: the OS, the environment and the file check come in as arguments, so every layout is tested on one
 * machine.
 */
import { existsSync, readdirSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { Machine } from './browser';

/** The variable that names the soffice executable to use. */
export const SOFFICE_ENV = 'SOFFICE_PATH';

export type SofficeLookup = { found: true; path: string } | { found: false; reason: string };

/** The usual locations, in order of preference, for one OS. */
export function sofficeCandidates(
  platform: NodeJS.Platform,
  env: Machine['env'],
  optDirs: readonly string[] = [],
): string[] {
  if (platform === 'darwin')
    return [
      '/Applications/LibreOffice.app/Contents/MacOS/soffice',
      ...(env.HOME ? [posix.join(env.HOME, 'Applications/LibreOffice.app/Contents/MacOS/soffice')] : []),
      '/opt/homebrew/bin/soffice',
      '/usr/local/bin/soffice',
    ];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env.ProgramFiles, env['PROGRAMFILES(X86)']]
      .filter((dir): dir is string => Boolean(dir))
      .filter((dir, i, all) => all.indexOf(dir) === i);
    return roots.map((dir) => win32.join(dir, 'LibreOffice', 'program', 'soffice.exe'));
  }
  // Linux and the BSDs: distribution packages, LibreOffice's own packages (/opt/libreofficeX.Y), the snap.
  return [
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/usr/lib64/libreoffice/program/soffice',
    '/usr/local/bin/soffice',
    ...optDirs.map((dir) => posix.join(dir, 'program', 'soffice')),
    '/snap/bin/libreoffice',
  ];
}

/** How to get LibreOffice on this OS, in one line. */
export function sofficeHint(platform: NodeJS.Platform): string {
  const how =
    platform === 'darwin'
      ? 'install LibreOffice (or `brew install --cask libreoffice`)'
      : platform === 'win32'
        ? 'install LibreOffice from https://www.libreoffice.org/download/'
        : 'install LibreOffice Calc (`sudo apt-get install libreoffice-calc-nogui` on Debian/Ubuntu)';
  return `LibreOffice is not installed: ${how}, or set ${SOFFICE_ENV} to its soffice executable.`;
}

/** Finds soffice. A SOFFICE_PATH that does not exist is an error, never a quiet fallback. */
export function findSoffice(machine: Machine, optDirs: readonly string[] = []): SofficeLookup {
  const named = machine.env[SOFFICE_ENV]?.trim();
  if (named)
    return machine.exists(named)
      ? { found: true, path: named }
      : { found: false, reason: `${SOFFICE_ENV}=${named} does not exist.` };
  const path = sofficeCandidates(machine.platform, machine.env, optDirs).find((p) => machine.exists(p));
  return path ? { found: true, path } : { found: false, reason: sofficeHint(machine.platform) };
}

/** The lookup on this machine (LibreOffice's own Linux packages install under /opt/libreofficeX.Y). */
export function findLocalSoffice(): SofficeLookup {
  let optDirs: string[] = [];
  try {
    if (process.platform !== 'win32' && process.platform !== 'darwin')
      optDirs = readdirSync('/opt')
        .filter((name) => /^libreoffice/i.test(name))
        .map((name) => `/opt/${name}`);
  } catch (_) {
    // no /opt
  }
  return findSoffice({ platform: process.platform, env: process.env, exists: existsSync }, optDirs);
}
