// Reproduces dat.bangertdrowns2004: Writing-to-learn interventions (Bangert-Drowns et al., 2004): standardized mean differences with moderators.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/bangertdrowns2004.json');
