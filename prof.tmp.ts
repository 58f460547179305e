import { metaAnalysis, leaveOneOut, influence } from './src/index.ts';
function sim(k: number, seed = 42) { let s = seed >>> 0; const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
 const n = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
 const vi = Float64Array.from({ length: k }, () => 0.01 + 0.2 * u()); const yi = vi.map((v) => 0.3 + Math.sqrt(0.05) * n() + Math.sqrt(v) * n()); return { yi, vi }; }
function t(f: () => void, ms = 300) { let n = 0; const s = performance.now(); do { f(); n++; } while (performance.now() - s < ms); return (performance.now() - s) / n; }
const d20 = sim(20);
console.log('k20 REML knha', t(() => metaAnalysis(d20, { test: 'knha' })) * 1000, 'us');
const d1k = sim(1000);
console.log('k1000 REML', t(() => metaAnalysis(d1k)) , 'ms');
const d1m = sim(1e6);
console.log('k1e6 REML', t(() => metaAnalysis(d1m), 1) , 'ms');
const d4k = sim(4000); const f4k = metaAnalysis(d4k);
console.log('loo 4000', t(() => leaveOneOut(f4k), 1), 'ms');
