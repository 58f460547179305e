// Reproduces dat.raudenbush1985: Teacher expectancy and pupil IQ (Raudenbush, 1985): standardized mean differences.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/raudenbush1985.json');
