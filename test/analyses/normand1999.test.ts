// Reproduces dat.normand1999: Length of hospital stay, specialist vs routine care (Normand, 1999): arm means and SDs.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/normand1999.json');
