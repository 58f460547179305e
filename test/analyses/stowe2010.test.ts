// Reproduces dat.stowe2010: Adjuvant treatments for Parkinson's disease (Stowe et al., 2010): SMDH, MD and ROM on off-time changes.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/stowe2010.json');
