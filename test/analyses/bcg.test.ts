// Reproduces dat.bcg: BCG vaccine trials (Colditz et al., 1994): 2x2 tables.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/bcg.json');
