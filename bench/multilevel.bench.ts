// Benchmark: multilevel REML fit with CR1 and CR2 robust errors at large k.
// Run with `npx tsx bench/multilevel.bench.ts`. Not part of the test suite.
import { multilevel, robust } from '../src/index.ts';

let seed = 12345;
const rnd = () => (seed = (seed * 69069 + 1) % 4294967296) / 4294967296;
for (const clusters of [400, 4000]) {
  const yi: number[] = [], vi: number[] = [], outer: string[] = [], inner: string[] = [];
  for (let j = 0; j < clusters; j++) {
    const u = (rnd() - 0.5) * 0.8;
    for (let t = 0; t < 5; t++) {
      const v = 0.01 + 0.05 * rnd();
      vi.push(v);
      yi.push(0.2 + u + (rnd() - 0.5) * 0.6 + (rnd() - 0.5) * Math.sqrt(12 * v));
      outer.push(`s${j}`);
      inner.push(`e${t}`);
    }
  }
  let start = performance.now();
  const fit = multilevel({ yi, vi }, { outer, inner });
  const fitMs = performance.now() - start;
  start = performance.now();
  robust(fit, { cluster: outer, adjust: 'CR2' });
  const cr2Ms = performance.now() - start;
  console.log(`k = ${yi.length} in ${clusters} clusters: fit ${fitMs.toFixed(1)} ms, CR2 ${cr2Ms.toFixed(1)} ms`);
}
