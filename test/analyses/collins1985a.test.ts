// Reproduces dat.collins1985a: Treatment of upper GI bleeding (Collins & Langman, 1985): deaths, zero cells and NA rows.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/collins1985a.json');
