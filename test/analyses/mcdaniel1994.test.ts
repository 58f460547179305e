// Reproduces dat.mcdaniel1994: Validity of employment interviews (McDaniel et al., 1994): correlations.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/mcdaniel1994.json');
