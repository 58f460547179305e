// Reproduces synthetic-k1: One study (synthetic): generic effect and a single 2x2 table.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-k1.json');
