/**
 * `npm run push [-- OPTIONS]`: builds dist/ with the build's options (--broad-scope, --allow-host HOST) and
 * pushes it with clasp (`clasp push -f`; .clasp.json's rootDir is dist). For example
 *   npm run push -- --broad-scope
 */
import { spawnSync } from 'node:child_process';
import { buildDist, buildOptions } from './build.mjs';

const options = buildOptions(process.argv.slice(2));
if (options.outDir !== buildOptions([]).outDir)
  throw new Error('push always pushes dist/: --out is not allowed here');
const { bytes, hosts } = await buildDist(options);
console.log(
  `dist/Code.js ${(bytes / 1024).toFixed(1)} KB, hosts: ${hosts.join(', ')}${options.broadScope ? ', broad scope' : ''}`,
);
const clasp = spawnSync('npx', ['clasp', 'push', '-f'], { stdio: 'inherit' });
process.exitCode = clasp.status ?? 1;
