// Reproduces synthetic-k60: Sixty simulated studies (set.seed(20240501); vi ~ U(0.005, 0.25), yi ~ N(0.3, 0.08 + vi), rounded to 4 decimals).
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-k60.json');
