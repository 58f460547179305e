// Reproduces dat.debruin2009: Adherence to antiretroviral therapy (de Bruin et al., 2009): single proportions.
// Reference: R metafor 3.8-1 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/debruin2009.json');
