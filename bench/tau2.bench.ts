// Benchmark: every tau² estimator on simulated data of growing k, side by side with R metafor
// when Rscript is on the PATH. Run with `npm run bench`. Not part of the test suite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metaAnalysis, TAU2_METHODS } from '../src/index.ts';
import { simulateStudies, timeMs } from './bench-data.ts';

function hasR(): boolean {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(metafor))'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function metaforMs(data: { yi: number[]; vi: number[] }, method: string, reps: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'pooled-bench-'));
  const file = join(dir, 'data.csv');
  writeFileSync(file, `yi,vi\n${data.yi.map((y, i) => `${y},${data.vi[i]}`).join('\n')}\n`);
  const script = `suppressMessages(library(metafor)); d <- read.csv("${file}");
    t <- system.time(for (i in 1:${reps}) rma(d$yi, d$vi, method = "${method}"))[["elapsed"]];
    cat(1000 * t / ${reps})`;
  return Number(execFileSync('Rscript', ['-e', script]).toString());
}

const sizes = [20, 200, 2000, 4000];
const withR = hasR() && !process.argv.includes('--no-r');
console.log(`tau² estimators, milliseconds per fit (${withR ? 'with' : 'without'} R metafor)`);
console.log(['k', 'method', 'pooled ms', ...(withR ? ['metafor ms', 'ratio'] : [])].join('\t'));
for (const k of sizes) {
  const data = (({ yi, vi }) => ({ yi: Array.from(yi), vi: Array.from(vi) }))(simulateStudies(k));
  for (const method of TAU2_METHODS) {
    const ms = timeMs(() => metaAnalysis(data, { method }), 200, 1);
    const cells = [String(k), method, ms.toFixed(3)];
    // metafor's rma.uni builds k×k matrices: only time it where it finishes in reasonable time
    if (withR && (k <= 200 || method === 'REML')) {
      const reps = k <= 200 ? 20 : 1;
      const r = metaforMs(data, method, reps);
      cells.push(r.toFixed(1), `${(r / ms).toFixed(0)}×`);
    }
    console.log(cells.join('\t'));
  }
}
