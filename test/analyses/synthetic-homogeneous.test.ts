// Reproduces synthetic-homogeneous: Six nearly identical effects with large variances (synthetic): Q < df, tau2 = 0 for most estimators.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-homogeneous.json');
