// Reproduces dat.gibson2002: Asthma self-management education (Gibson et al., 2002): arm means/SDs with NA rows, and 2x2 tables.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/gibson2002.json');
