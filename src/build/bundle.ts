// Build step: bundles the CLI with esbuild (one file each loads in about
// half the time the ~100 modules of zod, yaml and the engine take separately).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../', import.meta.url));
const shared = {
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  logLevel: 'warning' as const,
  // loaded only when needed, from node_modules: PDF reading for parse-letter on a PDF, the
  // HTTP framework for serve (a dynamic import, so other commands do not load it)
  external: ['unpdf', 'fastify'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
await build({ ...shared, entryPoints: [`${dist}cli/main.js`], outfile: `${dist}cli/precheck.js` });
// The web page's script: plain TypeScript and two custom elements, for the browser, no framework.
await build({
  entryPoints: [fileURLToPath(new URL('../../web/src/main.ts', import.meta.url))],
  outfile: `${dist}web/app.js`,
  bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true, logLevel: 'warning',
});
