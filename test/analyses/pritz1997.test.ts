// Reproduces dat.pritz1997: Stroke-related dysphagia (Pritz, 1997): single proportions.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor/generate.R from spec-public.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor/pritz1997.json');
