// Reproduces synthetic-zero-variance: Five studies, the first with sampling variance 0 (synthetic): most estimators error in metafor.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-zero-variance.json');
