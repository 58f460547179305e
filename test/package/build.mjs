// npm run build: compiles src/ to dist/ (JavaScript with .js imports, plus .d.ts) with
// tsconfig.build.json (TypeScript's rewriteRelativeImportExtensions). Run by `prepack`, so
// `npm pack` and `npm publish` always ship a fresh build.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(new URL('../../dist', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'test/package/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
chmodSync(new URL('../../dist/cli.js', import.meta.url), 0o755);
