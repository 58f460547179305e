// Reproduces dat.hackshaw1998: Lung cancer and ETS exposure (Hackshaw et al., 1998): log odds ratios with variances.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/hackshaw1998.json');
