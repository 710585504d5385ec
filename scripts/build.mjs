/**
 * Builds dist/ for Apps Script: bundles src/entry.ts with esbuild into one IIFE (`var WaContacts = …`), then
 * appends a real top-level `function NAME(…)` for every export of the entry list, forwarding into the bundle.
 * esbuild strips comments, so the JSDoc Sheets reads for autocomplete (`@customfunction`) is emitted here, right
 * above `function WA_CONTACTS(`. The bundle is first evaluated in an empty VM context: that proves loading it
 * touches no Apps Script service (as a published add-on's onOpen in AuthMode.NONE requires) and yields the
 * export names. Also copies appsscript.json and the sidebar HTML.
 *   node scripts/build.mjs               -> manifest with spreadsheets.currentonly (default)
 *   node scripts/build.mjs --broad-scope -> manifest with spreadsheets (add-on triggers that open by id)
 *   node scripts/build.mjs --out DIR     -> writes DIR instead of dist/
 *   node scripts/build.mjs --allow-host partner.example.com (or '*.partner.example.com') -> a white-label
 *     GREEN-API host, added to the manifest's urlFetchWhitelist and to the hosts Settings accept, at once
 * The allowed hosts come from one list, src/greenapi/allowed-hosts.json: the manifest's urlFetchWhitelist is
 * written from it here, and the bundle's Settings validator reads the same file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build, transform } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'WaContacts';

/** JSDoc for custom functions; Sheets shows it in autocomplete and the formula help. */
const CUSTOM_FUNCTIONS = {
  WA_CONTACTS: [
    '/**',
    ' * Lists the WhatsApp contacts of your GREEN-API instance: ID, Phone, Name, Contact name, Type.',
    ' *',
    ' * @param {string} type Which contacts: "all" (default), "user" or "group".',
    ' * @param {boolean} header TRUE (default) to start with a header row, FALSE for rows only.',
    ' * @return A table of contacts, one row per contact.',
    ' * @customfunction',
    ' */',
  ].join('\n'),
  WA_GROUP_MEMBERS: [
    '/**',
    ' * Lists the members of one WhatsApp group of your GREEN-API instance: Member ID, Phone, Name, Role.',
    ' *',
    ' * @param {string} group The group: its ID (…@g.us) or its exact name.',
    ' * @param {boolean} header TRUE (default) to start with a header row, FALSE for rows only.',
    " * @return A table of the group's members, one row per member.",
    ' * @customfunction',
    ' */',
  ].join('\n'),
  WA_CHECK: [
    '/**',
    ' * Whether phone numbers have WhatsApp, from the "WhatsApp Number Checks" table (never a request): yes or no.',
    ' * Check numbers first with Extensions > WhatsApp Contacts > Check numbers on WhatsApp.',
    ' *',
    ' * @param {string} number A phone number, or a range of them.',
    ' * @return yes or no per number.',
    ' * @customfunction',
    ' */',
  ].join('\n'),
};

/** Parameter names of a function, from its source (esbuild keeps them when not minifying). */
function parameterNames(fn) {
  const match = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(fn));
  const names = (match ? match[1] : '')
    .split(',')
    .map((p) => p.replace(/=.*$/s, '').trim())
    .filter(Boolean)
    .map((p) => p.replace(/^_+/, '') || 'arg');
  return names.map((n, i) => (/^[A-Za-z$][\w$]*$/.test(n) ? n : `arg${i}`));
}

/** A host pattern the allowlist takes: `host.tld` or `*.domain.tld` (https only, no port, no path). */
const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** The allowed host patterns: GREEN-API's own and any extra (refused unless well-formed). */
export function allowedHosts(extra = []) {
  const base = JSON.parse(readFileSync(join(root, 'src/greenapi/allowed-hosts.json'), 'utf8'));
  for (const host of extra) {
    if (!HOST_PATTERN.test(host))
      throw new Error(`--allow-host ${host}: give a host like partner.example.com or *.partner.example.com`);
  }
  return [...base, ...extra.filter((h) => !base.includes(h))];
}

/**
 * Third-party code (libphonenumber-js: its parser and its minimal metadata, about 120 KB once minified, 210 KB
 * as published) goes into the bundle minified, so the add-on's own code stays readable in the Apps Script editor
 * while the bundle stays small; the library's own readable source is on npm.
 */
const minifiedDependencies = {
  name: 'minified-dependencies',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]libphonenumber-js[\\/].*\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const { code } = await transform(source, {
        loader: 'js',
        format: 'esm',
        minify: true,
        target: 'es2020',
      });
      return { contents: code, loader: 'js' };
    });
  },
};

export async function buildDist({ broadScope = false, outDir = dist, allowHosts = [] } = {}) {
  const hosts = allowedHosts(allowHosts);
  const result = await build({
    entryPoints: [join(root, 'src/entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    define: { __WA_EXTRA_HOSTS__: JSON.stringify(hosts.slice(allowedHosts().length)) },
    plugins: [minifiedDependencies],
  });
  const bundle = result.outputFiles[0].text;

  // Load in a context with no Apps Script globals: any top-level service access throws here.
  const context = vm.createContext({});
  vm.runInContext(`${bundle}\nthis.__exports = ${GLOBAL};`, context, { filename: 'Code.js' });
  const exported = context.__exports;
  const names = Object.keys(exported).sort();
  for (const name of names) {
    if (typeof exported[name] !== 'function') throw new Error(`entry export ${name} is not a function`);
    if (name.endsWith('_')) throw new Error(`entry ${name} ends with "_": Apps Script would hide it`);
  }
  for (const name of Object.keys(CUSTOM_FUNCTIONS)) {
    if (!names.includes(name)) throw new Error(`custom function ${name} is documented but not exported`);
  }

  const stubs = names.map((name) => {
    const params = parameterNames(exported[name]).join(', ');
    const doc = CUSTOM_FUNCTIONS[name] ? `${CUSTOM_FUNCTIONS[name]}\n` : '';
    return `${doc}function ${name}(${params}) {\n  return ${GLOBAL}.${name}(${params});\n}`;
  });
  const code = `${bundle}\n// Entry points: generated by scripts/build.mjs from the exports of src/entry.ts.\n${stubs.join('\n\n')}\n`;

  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
  manifest.urlFetchWhitelist = hosts.map((host) => `https://${host}/`);
  if (broadScope) {
    manifest.oauthScopes = manifest.oauthScopes.map((s) =>
      s.endsWith('/spreadsheets.currentonly') ? 'https://www.googleapis.com/auth/spreadsheets' : s,
    );
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'Code.js'), code);
  writeFileSync(join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'sidebar.html'), readFileSync(join(root, 'src/ui/sidebar.html'), 'utf8'));
  return { names, bytes: Buffer.byteLength(code), hosts };
}

/** The build options in command-line arguments (also used by scripts/push.mjs). */
export function buildOptions(argv) {
  const at = argv.indexOf('--out');
  const allowHosts = [];
  argv.forEach((arg, i) => {
    if (arg === '--allow-host') allowHosts.push(String(argv[i + 1] ?? '').toLowerCase());
  });
  return { broadScope: argv.includes('--broad-scope'), outDir: at >= 0 ? argv[at + 1] : dist, allowHosts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = buildOptions(process.argv.slice(2));
  const { names, bytes, hosts } = await buildDist(options);
  console.log(
    `${options.outDir}/Code.js ${(bytes / 1024).toFixed(1)} KB, hosts: ${hosts.join(', ')}, entry points: ${names.join(', ')}`,
  );
}
