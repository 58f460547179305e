// Child process of bench/run.ts: fits REML to k = 10⁷ studies (Float64Array input) and prints
// the peak resident memory (MB) and the seconds taken, as JSON.
import { metaAnalysis } from '../src/index.ts';
import { simulateStudies } from './bench-data.ts';

const k = Number(process.argv[2] ?? 1e7);
const data = simulateStudies(k, 7);
const start = performance.now();
const fit = metaAnalysis(data);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ k, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, tau2: fit.tau2 }));
