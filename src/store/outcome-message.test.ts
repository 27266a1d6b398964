import { describe, expect, it } from 'vitest';
import { commitOutcomeMessage } from './outcome-message';

describe('commitOutcomeMessage', () => {
  it('never calls a file whose records were rejected "all identical"', () => {
    expect(commitOutcomeMessage({ kind: 'nothing-new', identical: 0 }, undefined, 12)).toEqual({
      key: 'store.outcome.nothing_saved_rejected',
      params: { identical: 0, rejected: 12 },
    });
    expect(commitOutcomeMessage({ kind: 'nothing-new', identical: 3 })).toEqual({
      key: 'store.outcome.nothing_new',
      params: { identical: 3 },
    });
  });

  it('names rejected records next to what was saved', () => {
    const counts = { added: 4, identical: 1, replaced: 0, kept: 0, duplicateInFile: 0 };
    expect(commitOutcomeMessage({ kind: 'committed', batchId: 'b1', counts }, undefined, 2)).toEqual({
      key: 'store.outcome.committed_with_rejected',
      params: { ...counts, rejected: 2 },
    });
    expect(commitOutcomeMessage({ kind: 'committed', batchId: 'b1', counts }).key).toBe(
      'store.outcome.committed',
    );
  });
});
