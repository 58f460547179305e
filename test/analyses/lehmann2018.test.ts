// Reproduces dat.lehmann2018: Red and attractiveness (Lehmann et al., 2018): ROM and SMDH on arm means and SDs, k = 81.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/lehmann2018.json');
