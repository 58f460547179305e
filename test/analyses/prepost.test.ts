// Reproduces prepost: Synthetic single-group pre-post summaries (post = m1i, pre = m2i, correlation ri).
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/prepost.json');
