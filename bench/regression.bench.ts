// Benchmark: meta-regression by REML with 3 moderators at large k (O(k·p²) per iteration).
// Run with `npx tsx bench/regression.bench.ts`. Not part of the test suite.
import { metaRegression } from '../src/index.ts';

const unit = (i: number) => {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return x - Math.floor(x);
};
for (const k of [1000, 5000, 20000]) {
  const x1 = Array.from({ length: k }, (_, i) => unit(i));
  const x2 = Array.from({ length: k }, (_, i) => unit(i + k));
  const x3 = Array.from({ length: k }, (_, i) => unit(i + 2 * k));
  const vi = Array.from({ length: k }, (_, i) => 0.01 + 0.1 * unit(i + 3 * k));
  const yi = Array.from({ length: k }, (_, i) => 0.2 + 0.5 * x1[i]! + (unit(i + 4 * k) - 0.5));
  const start = performance.now();
  const r = metaRegression({ yi, vi }, { moderators: { x1, x2, x3 }, method: 'REML' });
  console.log(`k = ${k}: ${(performance.now() - start).toFixed(1)} ms (tau² = ${r.tau2.toPrecision(4)})`);
}
