// Reproduces dat.yusuf1985: Beta blockers after myocardial infarction (Yusuf et al., 1985), table 9 only: many zero and double-zero cells, two NA rows.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/yusuf1985.json');
