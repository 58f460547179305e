// Reproduces dat.li2007: Intravenous magnesium in acute myocardial infarction (Li et al., 2007): 2x2 tables with zero cells.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/li2007.json');
