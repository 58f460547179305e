// Reproduces dat.curtis1998: Elevated CO2 and woody plant biomass (Curtis & Wang, 1998): ratio of means, k = 102.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/curtis1998.json');
