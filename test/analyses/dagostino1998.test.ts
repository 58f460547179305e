// Reproduces dat.dagostino1998: Cold medications (D'Agostino et al., 1998): ROM and SMDH with NA rows and a negative control mean.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/dagostino1998.json');
