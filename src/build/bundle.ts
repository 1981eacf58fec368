// Build step: bundles the CLI with esbuild (one file each loads in about
// half the time the ~100 modules of zod, yaml and the engine take separately).
import { build, type Plugin } from 'esbuild';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, rmSync } from 'node:fs';

const dist = fileURLToPath(new URL('../', import.meta.url));
/**
 * zod re-exports its ~50 message locales (`z.locales`, half a megabyte of source that every start
 * would compile); the project uses only English (the default, registered by zod itself from
 * locales/en.js), so the bundle's `z.locales` holds English alone.
 */
const englishOnlyZod: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`) ? { path: join(dirname(args.importer), '../locales/en.js') } : undefined,
    );
  },
};
const shared = {
  plugins: [englishOnlyZod],
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  logLevel: 'warning' as const,
  // loaded only when needed, from node_modules: PDF reading for parse-letter on a PDF, the
  // HTTP framework for serve (a dynamic import, so other commands do not load it)
  external: ['unpdf', 'fastify'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
// Split: each subcommand (a dynamic import in main.ts) and the modules only it needs are chunks
// of their own, so `check` compiles and runs the engine alone, not the letter parser, the
// drafter, the lint and test harness or the PDF reader.
// The chunks sit beside precheck.js: modules find the project root relative to their own URL.
for (const old of readdirSync(`${dist}cli`).filter((f) => f.startsWith('precheck-'))) rmSync(`${dist}cli/${old}`);
await build({
  ...shared,
  entryPoints: { precheck: `${dist}cli/main.js` },
  outdir: `${dist}cli`,
  splitting: true,
  chunkNames: 'precheck-[name]-[hash]',
});
// The web page's script: plain TypeScript and two custom elements, for the browser, no framework.
await build({
  entryPoints: [fileURLToPath(new URL('../../web/src/main.ts', import.meta.url))],
  outfile: `${dist}web/app.js`,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
