/**
 * The small category-management panel: rename a category, add keywords to it, merge one category
 * into another (and undo), create a custom category. Every change goes through the pure
 * edit-actions, is applied at once and saved by the controller.
 */
import { useId, useState, type FormEvent } from 'react';
import { categoryName, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode } from '../../analysis/problems/types';
import { problemCategoryByCode } from '../../domain/problem-categories';
import type { Result } from '../../domain/result';
import { useLang, useT } from '../../components/i18n-provider';
import {
  addKeywords,
  categoryOptions,
  createCustomCategory,
  mergeCategories,
  removeKeyword,
  renameCategory,
  selectableCategories,
  unmergeCategory,
  type EditRefusal,
} from './edit-actions';

export interface CategoryManagerProps {
  readonly edits: ProblemEdits;
  readonly onChange: (change: (edits: ProblemEdits) => ProblemEdits) => void;
}

type Feedback = { readonly kind: 'ok' } | { readonly kind: 'error'; readonly reason: EditRefusal } | null;

/** Category management panel. */
export function CategoryManager({ edits, onChange }: CategoryManagerProps) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const all = selectableCategories(edits);
  const targets = categoryOptions(edits, lang);
  const [code, setCode] = useState<CategoryCode>('P01');
  const [name, setName] = useState('');
  const [keywords, setKeywords] = useState('');
  const [from, setFrom] = useState<CategoryCode>('P99');
  const [into, setInto] = useState<CategoryCode>('P01');
  const [customName, setCustomName] = useState('');
  const [customKeywords, setCustomKeywords] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);

  const nameOf = (c: CategoryCode) => categoryName(c, edits, lang);
  const builtIn = (c: CategoryCode) => {
    const def = problemCategoryByCode(c);
    return def ? (lang === 'en' ? def.en : def.zh) : undefined;
  };

  // Checks the edit against the current edits first, so the user sees a refusal at once.
  const apply = (attempt: (e: ProblemEdits) => Result<ProblemEdits, EditRefusal>, after?: () => void) => {
    const r = attempt(edits);
    if (!r.ok) {
      setFeedback({ kind: 'error', reason: r.error });
      return;
    }
    onChange((current) => {
      const again = attempt(current);
      return again.ok ? again.value : current;
    });
    setFeedback({ kind: 'ok' });
    after?.();
  };

  const submit = (fn: () => void) => (e: FormEvent) => {
    e.preventDefault();
    fn();
  };

  const select = (value: CategoryCode, set: (c: CategoryCode) => void, label: string, codes = all) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(codes.find((c) => c === e.target.value) ?? value)}>
        {codes.map((c) => (
          <option key={c} value={c}>
            {nameOf(c)}
          </option>
        ))}
      </select>
    </label>
  );

  const extra = edits.extraKeywords.get(code) ?? [];
  const merged = [...edits.merges];

  return (
    <section className="problems-manage" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel__title">
        {t('problems.manage.title')}
      </h3>
      <p className="muted">{t('problems.manage.note')}</p>
      <div className="problems-manage__grid">
        <form
          className="problems-manage__block"
          aria-label={t('problems.manage.renameTitle')}
          onSubmit={submit(() =>
            apply(
              (e) => renameCategory(e, code, name, builtIn(code)),
              () => setName(''),
            ),
          )}
        >
          <h4>{t('problems.manage.renameTitle')}</h4>
          {select(code, setCode, t('problems.manage.category'))}
          <label className="field">
            <span>{t('problems.manage.newName')}</span>
            <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--small">
            {t('problems.manage.rename')}
          </button>
        </form>

        <form
          className="problems-manage__block"
          aria-label={t('problems.manage.keywordsTitle')}
          onSubmit={submit(() =>
            apply(
              (e) => addKeywords(e, code, keywords),
              () => setKeywords(''),
            ),
          )}
        >
          <h4>{t('problems.manage.keywordsTitle')}</h4>
          <p className="muted">{nameOf(code)}</p>
          <label className="field">
            <span>{t('problems.manage.keywords')}</span>
            <input value={keywords} onChange={(e) => setKeywords(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--small">
            {t('problems.manage.addKeywords')}
          </button>
          {extra.length > 0 ? (
            <p className="problems-manage__keywords">
              {t('problems.manage.extraKeywords')}
              {extra.map((term) => (
                <button
                  key={term}
                  type="button"
                  className="chip"
                  aria-label={t('problems.manage.removeKeyword', { term })}
                  onClick={() => onChange((e) => removeKeyword(e, code, term))}
                >
                  {term} ×
                </button>
              ))}
            </p>
          ) : null}
        </form>

        <form
          className="problems-manage__block"
          aria-label={t('problems.manage.mergeTitle')}
          onSubmit={submit(() => apply((e) => mergeCategories(e, from, into)))}
        >
          <h4>{t('problems.manage.mergeTitle')}</h4>
          {select(from, setFrom, t('problems.manage.mergeFrom'))}
          {select(
            into,
            setInto,
            t('problems.manage.mergeInto'),
            targets.map((o) => o.code),
          )}
          <button type="submit" className="btn btn--small">
            {t('problems.manage.merge')}
          </button>
          {merged.length > 0 ? (
            <ul className="problems-manage__merged">
              {merged.map(([a, b]) => (
                <li key={a}>
                  {t('problems.manage.merged', { from: builtIn(a) ?? nameOf(a), into: nameOf(b) })}{' '}
                  <button
                    type="button"
                    className="btn btn--small btn--link"
                    onClick={() => onChange((e) => unmergeCategory(e, a))}
                  >
                    {t('problems.manage.unmerge')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </form>

        <form
          className="problems-manage__block"
          aria-label={t('problems.manage.customTitle')}
          onSubmit={submit(() =>
            apply(
              (e) => {
                const r = createCustomCategory(e, customName, customKeywords);
                return r.ok ? { ok: true, value: r.value.edits } : r;
              },
              () => {
                setCustomName('');
                setCustomKeywords('');
              },
            ),
          )}
        >
          <h4>{t('problems.manage.customTitle')}</h4>
          <label className="field">
            <span>{t('problems.manage.customName')}</span>
            <input value={customName} maxLength={60} onChange={(e) => setCustomName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('problems.manage.customKeywords')}</span>
            <input value={customKeywords} onChange={(e) => setCustomKeywords(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--small">
            {t('problems.manage.create')}
          </button>
        </form>
      </div>
      <p role="status" className={feedback?.kind === 'error' ? 'text-error' : 'muted'}>
        {feedback === null
          ? ''
          : feedback.kind === 'ok'
            ? t('problems.manage.applied')
            : t(`problems.edit.error.${feedback.reason}`)}
      </p>
    </section>
  );
}
