import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS, parseEdits, serialiseEdits } from '../analysis/problems/edits';
import { closeTestStores, makeTestStore } from './test-support';

const makeStore = makeTestStore;
afterEach(closeTestStores);

describe('backup: what the classifier learnt travels with the problem edits', () => {
  it('restores the learnt examples', async () => {
    const source = await makeStore('learnt-src');
    const edits = {
      ...EMPTY_PROBLEM_EDITS,
      reassign: new Map([['小召乡\u001f2024-03\u001fabc', 'P03' as const]]),
      learnt: new Map([
        ['小召乡\u001f2024-03\u001fabc', { text: '夜间巡查力量薄弱', category: 'P03' as const }],
      ]),
    };
    await source.setProblemCategoryEdits(serialiseEdits(edits));
    const target = await makeStore('learnt-dst');
    expect((await target.restoreBackup(await source.exportBackup())).ok).toBe(true);
    const restored = parseEdits((await target.getProblemCategoryEdits()) as string);
    expect(restored.ok && [...restored.value.learnt!]).toEqual([...edits.learnt]);
  });

  it('an older backup without learnt examples still restores (its reassignments will teach)', async () => {
    const source = await makeStore('old-src');
    const old =
      '{"version":1,"reassign":[["k","P01"]],"renames":[],"extraKeywords":[],"merges":[],"custom":[]}';
    await source.setProblemCategoryEdits(old);
    const target = await makeStore('old-dst');
    expect((await target.restoreBackup(await source.exportBackup())).ok).toBe(true);
    const restored = parseEdits((await target.getProblemCategoryEdits()) as string);
    expect(restored.ok).toBe(true);
    expect(restored.ok && restored.value.learnt).toBeUndefined();
    expect(restored.ok && [...restored.value.reassign]).toEqual([['k', 'P01']]);
  });
});
