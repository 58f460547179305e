// npm run test:package: the package as a user gets it. Packs the tarball (prepack builds
// dist/), checks what it ships, installs it into an empty temporary project (from the npm
// cache where possible), then imports it from plain Node (no tsx), runs `npx pooled`, and
// type-checks a TypeScript consumer. Slow (about a minute), so not part of `npm test`.
// The last line reads "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pooled-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
let passed = 0;
let failed = 0;
const check = (name, f) => {
  try {
    f();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(error.stderr || error.message).trim().split('\n').join('\n     ')}`);
  }
};
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};

try {
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], root));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  check('the tarball ships dist/ (JavaScript and .d.ts), datasets/, the README and the licence', () => {
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'datasets/bcg.csv', 'README.md', 'LICENSE', 'package.json']) {
      assert(files.includes(f), `missing ${f}`);
    }
  });
  check('the tarball leaves out the tests and the TypeScript sources', () => {
    const extra = files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('notebooks/') || f.startsWith('bench/'));
    assert(extra.length === 0, `ships ${extra.slice(0, 5).join(', ')}`);
  });

  const project = join(work, 'project');
  run('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  check('npm install of the tarball into an empty project', () => {
    run(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
  });

  const bcg = JSON.parse(readFileSync(join(root, 'test/fixtures/metafor/bcg.json'), 'utf8'));
  const want = bcg.models.find((m) => m.measure === 'RR' && m.method === 'REML' && m.test === 'z');
  check('plain node imports it and reproduces metafor on the bundled CSV', () => {
    const script = `
      import { effectSizes, metaAnalysis, readTable } from 'pooled';
      const rows = readTable('node_modules/pooled/datasets/bcg.csv');
      const fit = metaAnalysis(effectSizes('RR', rows, { columns: { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' } }));
      console.log(JSON.stringify({ b: fit.estimate, tau2: fit.tau2 }));`;
    const got = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], project));
    assert(Math.abs(got.b - want.b) < 1e-8 * Math.abs(want.b), `estimate ${got.b}, metafor ${want.b}`);
    assert(Math.abs(got.tau2 - want.tau2) < 1e-8 * want.tau2, `tau2 ${got.tau2}, metafor ${want.tau2}`);
  });
  check('npx pooled --help and --version', () => {
    assert(/pooled analyze FILE\.csv/.test(run(npx, ['--no-install', 'pooled', '--help'], project)), 'no usage in --help');
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    assert(run(npx, ['--no-install', 'pooled', '--version'], project).trim() === version, 'wrong --version');
  });
  check('npx pooled analyze on the bundled CSV gives JSON with model and effects', () => {
    const out = JSON.parse(run(npx, ['--no-install', 'pooled', 'analyze', 'node_modules/pooled/datasets/bcg.csv', '-m', 'RR',
      '-c', 'ai=tpos,bi=tneg,ci=cpos,di=cneg', '--format', 'json'], project));
    assert(Math.abs(out.model.estimate - want.b) < 1e-8 * Math.abs(want.b), `estimate ${out.model.estimate}`);
    assert(out.effects.yi.length === 13, 'effects.yi');
  });
  check('a TypeScript project gets full types (tsc --strict, NodeNext)', () => {
    writeFileSync(join(project, 'main.ts'), `
      import { metaAnalysis, readTable, type MetaAnalysisResult, type Table } from 'pooled';
      const fit: MetaAnalysisResult = metaAnalysis({ yi: [0.1, 0.3], vi: [0.01, 0.02] });
      const rows: Table = readTable('a,b\\n1,2\\n');
      const n: number = fit.estimate + rows.length;
      // @ts-expect-error estimate is a number
      const s: string = fit.estimate;
      console.log(n, s);
    `);
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'main.ts'], project);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
