// Reproduces dat.nielweise2007: Catheter-related bloodstream infections (Niel-Weise et al., 2007): 2x2 tables with zero cells.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/nielweise2007.json');
