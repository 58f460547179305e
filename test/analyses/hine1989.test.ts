// Reproduces dat.hine1989: Prophylactic lidocaine after myocardial infarction (Hine et al., 1989): deaths, 2x2 tables.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/hine1989.json');
