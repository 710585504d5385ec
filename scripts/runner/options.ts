/**
 * What `npm start` is asked to do, read from its arguments and environment, and the redaction of everything it
 * prints. Pure: no I/O. Errors are RunnerError with a message safe to print — the GREEN_API_URL check shows
 * scheme://host only, never a path (someone may paste a whole request URL, token included).
 */

import { CSV_SEPARATORS, type CsvSeparator } from './csv';

/** The command-line options. */
export interface Options {
  help: boolean;
  /** Also write contacts.json with the exact values. */
  json: boolean;
  /** Also write contacts.csv. */
  csv: boolean;
  /** The CSV's separator. */
  separator: CsvSeparator;
  /** Folder for the files. */
  outDir: string;
}

/** The options when none are given. */
export const DEFAULT_OPTIONS: Options = { help: false, json: false, csv: false, separator: ',', outDir: '.' };

/** Where the contacts come from: the fake GREEN-API with sample contacts, or a real instance. */
export type Source =
  | { kind: 'fake' }
  | { kind: 'real'; apiUrl: string; idInstance: string; apiTokenInstance: string };

export type Locale = 'en' | 'ru';

/** A failure with a message meant for the person running the script. */
export class RunnerError extends Error {
  override name = 'RunnerError';
}

export const ENV_NAMES = ['GREEN_API_URL', 'GREEN_API_ID_INSTANCE', 'GREEN_API_TOKEN'] as const;

/** Shortest GREEN_API_TOKEN accepted: real tokens have 50 characters; a shorter one could not be redacted. */
export const MIN_TOKEN_LENGTH = 8;

export const HELP = `Usage: npm start [-- OPTIONS]
       node scripts/run-transpiled.mjs scripts/demo.ts [OPTIONS]

Runs the built add-on (dist/) in the local Apps Script emulator: saves the settings, clicks Import contacts,
prints the sheet and writes contacts.xlsx. Without GREEN_API_* variables it uses a fake GREEN-API on this
machine with sample contacts.

Options:
  --csv              also write contacts.csv (UTF-8 with a byte-order mark, comma-separated)
  --separator SEP    the CSV's separator: , (default) or ; (Excel where the decimal mark is a comma);
                     implies --csv
  --json             also write contacts.json: the sheet's rows (header row first) with the exact cell values
  --out DIR          write the files into DIR instead of the current folder
  -h, --help         show this help and exit

Environment:
  GREEN_API_URL          the API host of your instance, host only: https://7105.api.greenapi.com
  GREEN_API_ID_INSTANCE  idInstance (digits)
  GREEN_API_TOKEN        apiTokenInstance (never printed)
  WA_LOCALE              the add-on's language: en (default) or ru

Set all three GREEN_API_* variables for the real GREEN-API, or none of them for the fake one.
contacts.xlsx holds every cell as text, exactly (a bold, frozen header row). In contacts.csv a field starting
with =, +, -, @, a tab or a carriage return gets a leading ' so that a spreadsheet shows it as text (phones
like +79001234567 too); contacts.json has the exact values.
Exit code 0 when the import succeeded, 1 otherwise.`;

/** Parses the arguments after the script name. */
export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--csv') options.csv = true;
    else if (arg === '--separator' || arg.startsWith('--separator=')) {
      const sep = arg === '--separator' ? argv[++i] : arg.slice('--separator='.length);
      if (!CSV_SEPARATORS.includes(sep as CsvSeparator))
        throw new RunnerError(`--separator takes , or ; (quote it in the shell: --separator ';')`);
      options.separator = sep as CsvSeparator;
      options.csv = true;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      const dir = arg === '--out' ? argv[++i] : arg.slice('--out='.length);
      if (!dir) throw new RunnerError('--out needs a folder: --out DIR');
      options.outDir = dir;
    } else throw new RunnerError(`Unknown option ${JSON.stringify(arg.slice(0, 40))} (see --help)`);
  }
  return options;
}

/** WA_LOCALE: en (default) or ru. */
export function readLocale(env: NodeJS.ProcessEnv): Locale {
  const value = (env.WA_LOCALE ?? '').trim();
  if (value === '' || value === 'en' || value === 'ru') return (value || 'en') as Locale;
  throw new RunnerError('WA_LOCALE must be en or ru');
}

/**
 * The GREEN-API to use. All three variables set (non-blank): that instance; none: the fake one; some: an
 * error naming the missing ones — never a silent fallback to the sample data.
 */
export function readSource(env: NodeJS.ProcessEnv): Source {
  const value = (name: string) => (env[name] ?? '').trim();
  const missing = ENV_NAMES.filter((name) => value(name) === '');
  if (missing.length === ENV_NAMES.length) return { kind: 'fake' };
  if (missing.length > 0) {
    throw new RunnerError(
      `Missing ${missing.join(', ')}: set all of ${ENV_NAMES.join(', ')} to use the real GREEN-API, ` +
        'or none of them to use the fake one with sample contacts.',
    );
  }
  const token = value('GREEN_API_TOKEN');
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new RunnerError(
      `GREEN_API_TOKEN is too short to be an apiTokenInstance (at least ${MIN_TOKEN_LENGTH} characters; ` +
        'copy it again from the GREEN-API console).',
    );
  }
  return {
    kind: 'real',
    apiUrl: checkApiUrl(value('GREEN_API_URL')),
    idInstance: value('GREEN_API_ID_INSTANCE'),
    apiTokenInstance: token,
  };
}

/**
 * GREEN_API_URL as scheme://host[:port]. Refuses a path, query, fragment or user name — showing the host only,
 * since whatever follows it may hold the token. Never echoes a value it cannot parse.
 */
export function checkApiUrl(text: string): string {
  const example = 'https://7105.api.greenapi.com';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RunnerError(`GREEN_API_URL is not a URL; set the API host of your instance, like ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RunnerError(`GREEN_API_URL must start with https://, like ${example}`);
  }
  const host = url.origin;
  const extra =
    url.pathname !== '/'
      ? 'a path after the host'
      : /[?#]/.test(text)
        ? 'a query or fragment after the host'
        : url.username || url.password
          ? 'a user name or password'
          : '';
  if (extra) {
    throw new RunnerError(
      `GREEN_API_URL has ${extra}: give the host only, GREEN_API_URL=${host} — ` +
        'the idInstance and the token go in GREEN_API_ID_INSTANCE and GREEN_API_TOKEN.',
    );
  }
  return host;
}

const MASK = '•••';
const TOKEN_IN_PATH = /(\/waInstance[^/\s]*\/[A-Za-z]+\/)[^/?#\s"'<>]+/gi;

/**
 * A function that removes each secret (and its URL-encoded form) and any token-shaped segment of a GREEN-API
 * request URL from a text. Secrets shorter than MIN_TOKEN_LENGTH are ignored (they would mask ordinary text;
 * readSource refuses such tokens).
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const trimmed = secret?.trim() ?? '';
    for (const s of [secret ?? '', trimmed]) {
      if (s.length < MIN_TOKEN_LENGTH) continue;
      forms.add(s);
      forms.add(encodeURIComponent(s));
    }
  }
  // Longest first, so a secret containing another is masked whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(TOKEN_IN_PATH, `$1${MASK}`);
    for (const form of ordered) out = out.split(form).join(MASK);
    return out;
  };
}
