// Reproduces synthetic-prepost12: twelve synthetic pre-post summaries: SMCRH (LS, LS2, correct = FALSE), SMCC, SMCR.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-prepost12.json');
