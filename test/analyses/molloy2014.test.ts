// Reproduces dat.molloy2014: Conscientiousness and medication adherence (Molloy et al., 2014): correlations.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/molloy2014.json');
