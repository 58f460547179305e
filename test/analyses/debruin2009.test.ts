// Reproduces dat.debruin2009: Adherence to antiretroviral therapy (de Bruin et al., 2009): single proportions.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/debruin2009.json');
