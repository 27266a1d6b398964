/**
 * The category-management workflow without React: the four forms' drafts (rename, add keywords,
 * merge, custom category), the feedback line, and the commands. Each command checks the edit
 * against the current edits first, so a refusal shows at once and nothing is saved; an accepted
 * edit goes to the edits controller (applied at once, saved in the background) and clears its
 * form. Subscribe with useSyncExternalStore, like problem-edits-controller.ts.
 */
import type { ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode } from '../../analysis/problems/types';
import { problemCategoryByCode } from '../../domain/problem-categories';
import type { Result } from '../../domain/result';
import type { Lang } from '../../i18n/i18n';
import {
  addKeywords,
  createCustomCategory,
  mergeCategories,
  removeKeyword,
  renameCategory,
  unmergeCategory,
  type EditRefusal,
} from './edit-actions';
import type { ProblemEditsController } from './problem-edits-controller';

export interface CategoryDrafts {
  /** The category the rename and keyword forms act on. */
  readonly code: CategoryCode;
  readonly name: string;
  readonly keywords: string;
  readonly from: CategoryCode;
  readonly into: CategoryCode;
  readonly customName: string;
  readonly customKeywords: string;
}

export type CategoryFeedback =
  { readonly kind: 'ok' } | { readonly kind: 'error'; readonly reason: EditRefusal } | null;

export interface CategoryManagerSnapshot {
  readonly drafts: CategoryDrafts;
  readonly feedback: CategoryFeedback;
}

export interface CategoryManagerController {
  getSnapshot(): CategoryManagerSnapshot;
  subscribe(listener: () => void): () => void;
  /** Changes one draft field (typing, picking). */
  setDraft<K extends keyof CategoryDrafts>(key: K, value: CategoryDrafts[K]): void;
  /** Renames `drafts.code` to `drafts.name`; a name equal to the built-in one in `lang` removes the rename. */
  rename(lang: Lang): void;
  addKeywords(): void;
  removeKeyword(term: string): void;
  merge(): void;
  unmerge(from: CategoryCode): void;
  createCustom(): void;
}

/** A built-in category's own name in `lang` (custom codes have none). */
export function builtInName(code: CategoryCode, lang: Lang): string | undefined {
  const def = problemCategoryByCode(code);
  return def ? (lang === 'en' ? def.en : def.zh) : undefined;
}

const INITIAL: CategoryDrafts = {
  code: 'P01',
  name: '',
  keywords: '',
  from: 'P99',
  into: 'P01',
  customName: '',
  customKeywords: '',
};

type Attempt = (edits: ProblemEdits) => Result<ProblemEdits, EditRefusal>;

/** Creates the workflow on the view's edits controller. */
export function createCategoryManagerController(
  editsController: Pick<ProblemEditsController, 'getSnapshot' | 'update'>,
): CategoryManagerController {
  let snapshot: CategoryManagerSnapshot = { drafts: INITIAL, feedback: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<CategoryManagerSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const l of [...listeners]) l();
  };

  // Checked against the current edits first; re-run inside update in case they changed since.
  const apply = (attempt: Attempt, cleared: Partial<CategoryDrafts> = {}) => {
    const r = attempt(editsController.getSnapshot().edits);
    if (!r.ok) {
      set({ feedback: { kind: 'error', reason: r.error } });
      return;
    }
    editsController.update((current) => {
      const again = attempt(current);
      return again.ok ? again.value : current;
    });
    set({ drafts: { ...snapshot.drafts, ...cleared }, feedback: { kind: 'ok' } });
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDraft(key, value) {
      set({ drafts: { ...snapshot.drafts, [key]: value } });
    },
    rename(lang) {
      const { code, name } = snapshot.drafts;
      apply((e) => renameCategory(e, code, name, builtInName(code, lang)), { name: '' });
    },
    addKeywords() {
      const { code, keywords } = snapshot.drafts;
      apply((e) => addKeywords(e, code, keywords), { keywords: '' });
    },
    removeKeyword(term) {
      const { code } = snapshot.drafts;
      editsController.update((e) => removeKeyword(e, code, term));
    },
    merge() {
      const { from, into } = snapshot.drafts;
      apply((e) => mergeCategories(e, from, into));
    },
    unmerge(from) {
      editsController.update((e) => unmergeCategory(e, from));
    },
    createCustom() {
      const { customName, customKeywords } = snapshot.drafts;
      apply(
        (e) => {
          const r = createCustomCategory(e, customName, customKeywords);
          return r.ok ? { ok: true, value: r.value.edits } : r;
        },
        { customName: '', customKeywords: '' },
      );
    },
  };
}
