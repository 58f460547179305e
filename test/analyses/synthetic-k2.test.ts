// Reproduces synthetic-k2: Two studies (synthetic); the second effect reads the standard errors (sei) instead of vi.
// Reference: R metafor 5.1-12 (escalc, rma), written by test/fixtures/metafor-extra/generate.R from spec-extra.R.
import { reproduce } from './reproduce.ts';

reproduce('metafor-extra/synthetic-k2.json');
