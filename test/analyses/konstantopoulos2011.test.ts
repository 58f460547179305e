// Reproduces dat.konstantopoulos2011: Modified school calendars (Konstantopoulos, 2011): effects nested in districts.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/konstantopoulos2011.json');
