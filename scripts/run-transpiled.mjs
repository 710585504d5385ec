/**
 * Runs a TypeScript script (the demo or the benchmark) with Node: bundles it with esbuild into a temporary
 * file and imports it, passing the remaining arguments on. No ts-node, no loader flags.
 *   node scripts/run-transpiled.mjs scripts/demo.ts [args…]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/run-transpiled.mjs <file.ts> [args]');
// Inside the project, so the bundle's external packages resolve from node_modules.
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const dir = mkdtempSync(join(cacheDir, 'wa-run-'));
const outfile = join(dir, 'main.cjs');
await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  packages: 'external',
  logLevel: 'warning',
  sourcemap: 'inline',
});
process.argv = [process.argv[0], resolve(entry), ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
