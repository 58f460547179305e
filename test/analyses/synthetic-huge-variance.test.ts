// Reproduces synthetic-huge-variance: Eight studies, the last an outlier with sampling variance 1e4 (synthetic).
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-huge-variance.json');
