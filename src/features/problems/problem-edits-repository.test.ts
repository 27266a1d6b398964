import { describe, expect, it } from 'vitest';
import { EMPTY_PROBLEM_EDITS, serialiseEdits, type ProblemEdits } from '../../analysis/problems/edits';
import {
  chooseProblemEditsRepository,
  createMemoryEditsRepository,
  createStorageEditsRepository,
  editsFromSaved,
  PROBLEM_EDITS_STORAGE_KEY,
  type ProblemEditsStoreLike,
  type StorageLike,
} from './problem-edits-repository';

const EDITS: ProblemEdits = {
  ...EMPTY_PROBLEM_EDITS,
  reassign: new Map([['小召乡\u001f2022-04\u001f2dcc4094', 'P05']]),
  renames: new Map([['P01', '企业责任']]),
};

class MapStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

describe('editsFromSaved', () => {
  it.each([
    ['nothing saved', null],
    ['not a string', { reassign: [] }],
    ['junk', '{not json'],
    ['a hostile key', '{"version":1,"__proto__":{"x":1}}'],
    ['a wrong version', '{"version":2}'],
  ])('gives no edits for %s', (_n, value) => {
    expect(editsFromSaved(value)).toBe(EMPTY_PROBLEM_EDITS);
  });
  it('reads what serialiseEdits wrote', () => {
    expect(editsFromSaved(serialiseEdits(EDITS)).renames.get('P01')).toBe('企业责任');
  });
});

describe('repositories', () => {
  it('storage: saves under its key and loads the same edits', async () => {
    const storage = new MapStorage();
    const repo = createStorageEditsRepository(storage);
    expect(await repo.load()).toBe(EMPTY_PROBLEM_EDITS);
    await repo.save(EDITS);
    expect(storage.items.has(PROBLEM_EDITS_STORAGE_KEY)).toBe(true);
    const loaded = await createStorageEditsRepository(storage).load();
    expect([...loaded.reassign]).toEqual([...EDITS.reassign]);
  });

  it('storage: a read error gives no edits, a write error rejects the save', async () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const repo = createStorageEditsRepository(broken);
    expect(await repo.load()).toBe(EMPTY_PROBLEM_EDITS);
    await expect(repo.save(EDITS)).rejects.toThrow('QuotaExceededError');
  });

  it('prefers the store API, then storage, then memory', async () => {
    let kept: unknown = null;
    const store: ProblemEditsStoreLike & { other: number } = {
      other: 1,
      getProblemCategoryEdits: async () => kept,
      setProblemCategoryEdits: async (v) => {
        kept = v;
      },
    };
    const storage = new MapStorage();
    await chooseProblemEditsRepository(store, storage).save(EDITS);
    expect(typeof kept).toBe('string');
    expect(storage.items.size).toBe(0);
    expect((await chooseProblemEditsRepository(store, storage).load()).renames.get('P01')).toBe('企业责任');

    await chooseProblemEditsRepository({ getSnapshot() {} }, storage).save(EDITS);
    expect(storage.items.size).toBe(1);

    const memory = chooseProblemEditsRepository(null, null);
    await memory.save(EDITS);
    expect((await memory.load()).renames.get('P01')).toBe('企业责任');
    expect((await createMemoryEditsRepository().load()).renames.size).toBe(0);
  });
});
