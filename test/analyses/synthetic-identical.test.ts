// Reproduces synthetic-identical: Four identical effects (synthetic): Q = 0 exactly.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-identical.json');
