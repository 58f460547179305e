// Issue #10, class "messages that mislead": an internal call's error names what the user passed
// (eggerTest never talks about "moderators"); a subgroup's error names the subgroup and the row
// of the full input; Infinity and NaN are shown as themselves.
import { describe, expect, it } from 'vitest';
import * as p from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

describe('messages', () => {
  it('eggerTest with k = 2 names the studies needed, not moderators', () => {
    const e = thrownInputError(() => p.eggerTest(p.metaAnalysis({ yi: [0.1, 0.5], vi: [0.01, 0.04] })));
    expect(e.message).not.toMatch(/moderator/);
    expect(e.message).toMatch(/at least 3 studies/);
    expect(e.code).toBe('E_TOO_FEW_STUDIES');
  });

  it('a subgroup error names the subgroup and the row of the full input', () => {
    const e = thrownInputError(() => p.subgroupAnalysis({ yi: [1, 2, 3, 4], vi: [1, 1, 1, 0], labels: ['A', 'B', 'C', 'D'] }, ['a', 'a', 'b', 'b'], { method: 'HS' }));
    expect(e.message).toContain('subgroup "b"');
    expect(e.row).toBe(4);
    expect(e.study).toBe('D');
  });

  it('Infinity and NaN are shown as themselves', () => {
    const e = thrownInputError(() => p.metaAnalysis({ yi: [1, 2] as never, vi: [1, 1] }, { level: Infinity }));
    expect(e.message).toContain('(got Infinity)');
    expect(e.code).toBe('E_NOT_FINITE');
  });
});
