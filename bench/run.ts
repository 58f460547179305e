// `npm run bench`: every speed goal of issue #11, measured in one run beside R metafor (when
// Rscript with metafor is installed) and Python statsmodels (when importable), printed and
// written to bench/RESULTS.md. Never part of `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cumulative, gosh, influence, leaveOneOut, metaAnalysis, metaAnalysisBatch, metaRegression, simulate } from '../src/index.ts';
import { cpuMs, onePass, simulateStudies, timeMs, uniforms } from './bench-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'pooled-bench-'));
const rows: { goal: string; measured: string; target: string; ratio: string; met: string }[] = [];
const log = (line: string) => console.log(line);
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toPrecision(d) : 'n/a');

function rscript(): { cmd: string; env: NodeJS.ProcessEnv; version: string } | null {
  for (const env of [{ ...process.env, R_LIBS: '/work/rlib51' }, process.env]) {
    try {
      const version = execFileSync('Rscript', ['-e', "suppressMessages(library(metafor)); cat(as.character(packageVersion('metafor')))"], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      return { cmd: 'Rscript', env, version };
    } catch { /* next */ }
  }
  return null;
}

function metaforMs(r: NonNullable<ReturnType<typeof rscript>>, data: { yi: Float64Array; vi: Float64Array }, call: string, reps: number): number {
  const file = join(dir, `d${data.yi.length}.csv`);
  writeFileSync(file, `yi,vi\n${Array.from(data.yi, (y, i) => `${y},${data.vi[i]}`).join('\n')}\n`);
  const script = `suppressMessages(library(metafor)); d <- read.csv("${file}"); yi <- d$yi; vi <- d$vi;
    invisible(${call}); t <- system.time(for (i in 1:${reps}) ${call})[["elapsed"]]; cat(1000 * t / ${reps})`;
  return Number(execFileSync(r.cmd, ['-e', script], { env: r.env }).toString());
}

function statsmodelsMs(k: number, method: string): number {
  const script = `
import time, numpy as np
from statsmodels.stats.meta_analysis import combine_effects
rng = np.random.default_rng(1); k = ${k}
vi = 0.01 + 0.2 * rng.random(k); yi = 0.3 + np.sqrt(0.05) * rng.standard_normal(k) + np.sqrt(vi) * rng.standard_normal(k)
combine_effects(yi, vi, method_re="${method}")
ts = []
for _ in range(3):
    t = time.perf_counter(); combine_effects(yi, vi, method_re="${method}"); ts.append(time.perf_counter() - t)
print(1000 * sorted(ts)[1])`;
  try {
    return Number(execFileSync('/usr/bin/python3', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  } catch {
    return NaN;
  }
}

const r = process.argv.includes('--no-r') ? null : rscript();
const load = loadavg();
log(`pooled benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${load.map((x) => x.toFixed(1)).join(' ')}`);
log(r ? `R metafor ${r.version}` : 'R metafor: not available');

// 1. k = 20, REML + Knapp–Hartung with Q-profile intervals
{
  const d = simulateStudies(20);
  const ms = timeMs(() => metaAnalysis(d, { test: 'knha' }));
  const ms2 = timeMs(() => metaAnalysis(d, { test: 'knha' }));
  const rMs = r ? metaforMs(r, d, 'rma(yi, vi, test = "knha")', 200) : NaN;
  const rCi = r ? metaforMs(r, d, 'confint(rma(yi, vi, test = "knha"))', 100) : NaN;
  const best = Math.min(ms, ms2);
  log(`k = 20 REML+knha+Q-profile: pooled ${fmt(best * 1000)} µs (repeat ${fmt(Math.max(ms, ms2) * 1000)} µs); metafor rma() ${fmt(rMs)} ms, rma()+confint() ${fmt(rCi)} ms`);
  rows.push({ goal: 'k = 20, REML + KH + Q-profile vs metafor rma()', measured: `${fmt(best * 1000)} µs (metafor ${fmt(rMs)} ms; with confint ${fmt(rCi)} ms)`, target: '≥ 300×', ratio: `${fmt(rMs / best)}× (${fmt(rCi / best)}× vs rma+confint)`, met: rMs / best >= 300 ? 'yes' : 'no' });
}

// 2. k = 1,000 REML
{
  const d = simulateStudies(1000);
  const ms = timeMs(() => metaAnalysis(d));
  const rMs = r ? metaforMs(r, d, 'rma(yi, vi)', 3) : NaN;
  log(`k = 1000 REML: pooled ${fmt(ms)} ms; metafor ${fmt(rMs)} ms`);
  rows.push({ goal: 'k = 1,000, REML vs metafor rma()', measured: `${fmt(ms)} ms (metafor ${fmt(rMs)} ms)`, target: '≥ 10,000×', ratio: `${fmt(rMs / ms)}×`, met: rMs / ms >= 10000 ? 'yes' : 'no' });
}

// 3. k = 10⁶ REML, complete default fit, in passes of one optimised pass
let passMs = NaN;
let passCpuMs = NaN;
{
  const d = simulateStudies(1e6);
  passMs = timeMs(() => onePass(d.yi, d.vi, 0.05), 200, 7);
  // one call first, as for statsmodels: the first fits at this size also compile the large-k paths
  metaAnalysis(d);
  metaAnalysis(d, { method: 'DL' });
  const ms = timeMs(() => metaAnalysis(d), 1, 5);
  passCpuMs = cpuMs(() => onePass(d.yi, d.vi, 0.05), 200, 7);
  const cpu = cpuMs(() => metaAnalysis(d), 1, 5);
  const dl = timeMs(() => metaAnalysis(d, { method: 'DL' }), 1, 5);
  const smDl = statsmodelsMs(1e6, 'dl');
  const smPm = statsmodelsMs(1e6, 'iterated');
  log(`k = 10⁶: one pass ${fmt(passMs)} ms; REML fit ${fmt(ms)} ms = ${fmt(ms / passMs)} passes (CPU time: ${fmt(cpu / passCpuMs)} passes); DL fit ${fmt(dl)} ms; statsmodels DL ${fmt(smDl)} ms, PM (iterated) ${fmt(smPm)} ms`);
  rows.push({ goal: 'k = 10⁶, REML complete fit (with Q-profile)', measured: `${fmt(ms)} ms; one pass ${fmt(passMs)} ms (CPU time: ${fmt(cpu / passCpuMs)} passes)`, target: '≤ 30 passes', ratio: `${fmt(ms / passMs)} passes`, met: ms / passMs <= 30 ? 'yes' : 'no' });
  rows.push({ goal: 'k = 10⁶, DL vs statsmodels combine_effects (numpy)', measured: `${fmt(dl)} ms (statsmodels DL ${fmt(smDl)} ms, PM ${fmt(smPm)} ms)`, target: 'faster than statsmodels', ratio: `${fmt(smDl / dl)}× (REML vs statsmodels PM: ${fmt(smPm / ms)}×)`, met: smDl / dl >= 1 ? 'yes' : 'no' });
}

// 4. meta-regression, k = 10⁶, 3 moderators
{
  const d = simulateStudies(1e6, 3);
  const u = uniforms(9);
  const mods = { x1: Float64Array.from(d.yi, () => u()), x2: Float64Array.from(d.yi, () => u() - 0.5), x3: Float64Array.from(d.yi, () => 2 * u()) };
  metaRegression(d, { moderators: mods });
  const ms = timeMs(() => metaRegression(d, { moderators: mods }), 1, 3);
  const cpu = cpuMs(() => metaRegression(d, { moderators: mods }), 1, 3);
  log(`meta-regression k = 10⁶, 3 moderators: ${fmt(ms)} ms = ${fmt(ms / passMs)} passes (CPU time: ${fmt(cpu / passCpuMs)} passes)`);
  rows.push({ goal: 'meta-regression k = 10⁶, 3 moderators, REML', measured: `${fmt(ms)} ms (CPU time: ${fmt(cpu / passCpuMs)} passes)`, target: '≤ 60 passes', ratio: `${fmt(ms / passMs)} passes`, met: ms / passMs <= 60 ? 'yes' : 'no' });
}

// 5. leaveOneOut and influence at k = 4,000 (and cumulative, which uses the same updates)
{
  const d = simulateStudies(4000, 5);
  const fit = metaAnalysis(d);
  const loo = timeMs(() => leaveOneOut(fit), 1, 3);
  const inf = timeMs(() => influence(fit), 1, 3);
  const cum = timeMs(() => cumulative(fit), 1, 3);
  log(`k = 4000 REML: leaveOneOut ${fmt(loo / 1000)} s, influence ${fmt(inf / 1000)} s, cumulative ${fmt(cum / 1000)} s`);
  rows.push({ goal: 'leaveOneOut, k = 4,000, REML', measured: `${fmt(loo / 1000)} s`, target: '< 0.2 s', ratio: `${fmt(loo / 200)}× the goal`, met: loo < 200 ? 'yes' : 'no' });
  rows.push({ goal: 'influence, k = 4,000, REML', measured: `${fmt(inf / 1000)} s`, target: '< 0.2 s', ratio: `${fmt(inf / 200)}× the goal`, met: inf < 200 ? 'yes' : 'no' });
  rows.push({ goal: 'cumulative, k = 4,000, REML (no goal set)', measured: `${fmt(cum / 1000)} s`, target: '—', ratio: '—', met: '—' });
}

// 5b. simulate: 10⁴ replicates of k = 20, REML, through metaAnalysisBatch and through a loop
{
  const design = { k: 20, tau2: 0.05, mu: 0.3, viDistribution: { min: 0.01, max: 0.2 }, replications: 10_000, seed: 1 };
  // medians of 3 (the first call of each also compiles its path)
  const batch = timeMs(() => simulate(design, undefined, { progress: false }), 1, 3);
  const loop = timeMs(() => simulate(design, (data) => metaAnalysis(data), { progress: false }), 1, 3);
  log(`simulate 10⁴ × k = 20 REML: batch ${fmt(batch / 1000)} s, one metaAnalysis per replicate ${fmt(loop / 1000)} s`);
  rows.push({ goal: 'simulate, 10⁴ replicates of k = 20, REML (no goal set)', measured: `${fmt(batch / 1000)} s (loop of metaAnalysis: ${fmt(loop / 1000)} s)`, target: '—', ratio: `${fmt(loop / batch)}× vs the loop`, met: '—' });
}

// 6. batch: m = 100,000 analyses of k = 10, REML (serial: median of 3; workers: the first call
// starts the pool, the median of 3 later calls reuses it)
{
  const m = 100_000;
  const k = 10;
  const d = simulateStudies(m * k, 11);
  const offsets = Float64Array.from({ length: m + 1 }, (_, j) => j * k);
  const input = { yi: d.yi, vi: d.vi, offsets };
  const seconds = async (f: () => unknown) => {
    const t0 = performance.now();
    await f();
    return (performance.now() - t0) / 1000;
  };
  const median3 = async (f: () => unknown) => {
    const t = [await seconds(f), await seconds(f), await seconds(f)].sort((a, b) => a - b);
    return t[1]!;
  };
  const serial = await median3(() => metaAnalysisBatch(input));
  const cold = await seconds(() => metaAnalysisBatch(input, { workers: 2 }));
  const parallel = await median3(() => metaAnalysisBatch(input, { workers: 2 }));
  const rate = (m * k) / serial;
  log(`batch m = 10⁵, k = 10, REML: ${fmt(serial)} s = ${fmt(rate)} rows/s on one core; workers: 2 → ${fmt(parallel)} s (${fmt(serial / parallel)}× speed-up; first call, starting the workers: ${fmt(cold)} s)`);
  rows.push({ goal: 'metaAnalysisBatch m = 10⁵ × k = 10, REML (one core)', measured: `${fmt(serial)} s, ${fmt(rate)} rows/s`, target: '≥ 10⁶ rows/s', ratio: `${fmt(rate / 1e6)}× the goal`, met: rate >= 1e6 ? 'yes' : 'no' });
  rows.push({ goal: 'metaAnalysisBatch with workers: 2 (pool started)', measured: `${fmt(parallel)} s (first call ${fmt(cold)} s)`, target: 'scales with cores', ratio: `${fmt(serial / parallel)}× vs one thread`, met: serial / parallel > 1.3 ? 'yes' : 'no' });
}

// 6b. GOSH: 10⁴ subsets of k = 30
{
  const fit = metaAnalysis(simulateStudies(30, 13));
  const ms = timeMs(() => gosh(fit, { subsets: 10_000 }), 1, 3);
  log(`gosh, 10⁴ subsets of k = 30 (REML): ${fmt(ms / 1000)} s`);
  rows.push({ goal: 'gosh, 10⁴ subsets of k = 30, REML', measured: `${fmt(ms / 1000)} s`, target: 'well under 1 s', ratio: `${fmt(ms / 1000)} s`, met: ms < 1000 ? 'yes' : 'no' });
}

// 7. k = 10⁷ in under 1 GB (own process, so the peak is its own)
{
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'memory.bench.ts'), '1e7'], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
    const m = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; maxRssMb: number };
    log(`k = 10⁷ REML: peak RSS ${fmt(m.maxRssMb, 4)} MB, ${fmt(m.seconds)} s`);
    rows.push({ goal: 'k = 10⁷ studies, REML fit', measured: `peak RSS ${fmt(m.maxRssMb, 4)} MB (${fmt(m.seconds)} s)`, target: '< 1 GB', ratio: `${fmt(m.maxRssMb / 1024)} GB`, met: m.maxRssMb < 1024 ? 'yes' : 'no' });
  } catch (e) {
    log(`k = 10⁷: failed (${String(e)})`);
    rows.push({ goal: 'k = 10⁷ studies, REML fit', measured: 'failed', target: '< 1 GB', ratio: 'n/a', met: 'no' });
  }
}

const table = ['| goal | measured | target | ratio | met |', '|---|---|---|---|---|', ...rows.map((x) => `| ${x.goal} | ${x.measured} | ${x.target} | ${x.ratio} | ${x.met} |`)];
console.log(table.join('\n'));
const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${r ? `R metafor ${r.version}` : 'R metafor not available'}; Python statsmodels via /usr/bin/python3.
**The machine was loaded**: it is shared with other jobs (load average at the start ${load.map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores),
so absolute times are inflated and noisy; every ratio is measured in the same run, and key pooled figures are repeated (median of several timings).
"One pass" is one optimised pass over the data: Σwᵢ, Σwᵢyᵢ, Σwᵢyᵢ² at one τ² (bench/bench-data.ts, \`onePass\`).

${table.join('\n')}

See the notes in bench/NOTES.md for what bounds the goals that are not met.
`;
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
