/**
 * The small category-management panel: rename a category, add keywords to it, merge one category
 * into another (and undo), create a custom category. It renders the workflow of
 * category-manager-controller.ts (drafts, checks, feedback); every change is applied at once and
 * saved by the edits controller.
 */
import { useId, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { categoryName, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode } from '../../analysis/problems/types';
import { useLang, useT } from '../../components/i18n-provider';
import {
  builtInName,
  createCategoryManagerController,
  type CategoryDrafts,
  type CategoryManagerController,
} from './category-manager-controller';
import { categoryOptions, selectableCategories } from './edit-actions';
import type { ProblemEditsController } from './problem-edits-controller';

export interface CategoryManagerProps {
  readonly edits: ProblemEdits;
  readonly controller: ProblemEditsController;
}

interface FormsProps {
  readonly form: CategoryManagerController;
  readonly drafts: CategoryDrafts;
  readonly edits: ProblemEdits;
}

/** A labelled select of category codes bound to one draft field. */
function CodeSelect(
  props: FormsProps & { field: 'code' | 'from' | 'into'; label: string; codes?: readonly CategoryCode[] },
) {
  const lang = useLang();
  const { form, drafts, field, edits } = props;
  const codes = props.codes ?? selectableCategories(edits);
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        value={drafts[field]}
        onChange={(e) => form.setDraft(field, codes.find((c) => c === e.target.value) ?? drafts[field])}
      >
        {codes.map((c) => (
          <option key={c} value={c}>
            {categoryName(c, edits, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled text input bound to one draft field. */
function DraftInput(
  props: FormsProps & {
    field: 'name' | 'keywords' | 'customName' | 'customKeywords';
    label: string;
    maxLength?: number;
  },
) {
  const { form, drafts, field } = props;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        value={drafts[field]}
        maxLength={props.maxLength}
        onChange={(e) => form.setDraft(field, e.target.value)}
      />
    </label>
  );
}

/** One of the panel's forms: a titled block that runs `onSubmit` without reloading. */
function Block(props: {
  title: string;
  submit: string;
  onSubmit: () => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  const send = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="problems-manage__block" aria-label={props.title} onSubmit={send}>
      <h4>{props.title}</h4>
      {props.children}
      <button type="submit" className="btn btn--small">
        {props.submit}
      </button>
      {props.after}
    </form>
  );
}

function ExtraKeywords({ form, drafts, edits }: FormsProps) {
  const t = useT();
  const extra = edits.extraKeywords.get(drafts.code) ?? [];
  if (extra.length === 0) return null;
  return (
    <p className="problems-manage__keywords">
      {t('problems.manage.extraKeywords')}
      {extra.map((term) => (
        <button
          key={term}
          type="button"
          className="chip"
          aria-label={t('problems.manage.removeKeyword', { term })}
          onClick={() => form.removeKeyword(term)}
        >
          {term} ×
        </button>
      ))}
    </p>
  );
}

function MergedList({ form, edits }: FormsProps) {
  const t = useT();
  const lang = useLang();
  if (edits.merges.size === 0) return null;
  const nameOf = (c: CategoryCode) => categoryName(c, edits, lang);
  return (
    <ul className="problems-manage__merged">
      {[...edits.merges].map(([a, b]) => (
        <li key={a}>
          {t('problems.manage.merged', { from: builtInName(a, lang) ?? nameOf(a), into: nameOf(b) })}{' '}
          <button type="button" className="btn btn--small btn--link" onClick={() => form.unmerge(a)}>
            {t('problems.manage.unmerge')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Category management panel. */
export function CategoryManager({ edits, controller }: CategoryManagerProps) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [form] = useState(() => createCategoryManagerController(controller));
  const { drafts, feedback } = useSyncExternalStore(form.subscribe, form.getSnapshot);
  const p: FormsProps = { form, drafts, edits };
  const into = categoryOptions(edits, lang).map((o) => o.code);
  return (
    <section className="problems-manage" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel__title">
        {t('problems.manage.title')}
      </h3>
      <p className="muted">{t('problems.manage.note')}</p>
      <div className="problems-manage__grid">
        <Block
          title={t('problems.manage.renameTitle')}
          submit={t('problems.manage.rename')}
          onSubmit={() => form.rename(lang)}
        >
          <CodeSelect {...p} field="code" label={t('problems.manage.category')} />
          <DraftInput {...p} field="name" label={t('problems.manage.newName')} maxLength={60} />
        </Block>
        <Block
          title={t('problems.manage.keywordsTitle')}
          submit={t('problems.manage.addKeywords')}
          onSubmit={form.addKeywords}
          after={<ExtraKeywords {...p} />}
        >
          <p className="muted">{categoryName(drafts.code, edits, lang)}</p>
          <DraftInput {...p} field="keywords" label={t('problems.manage.keywords')} />
        </Block>
        <Block
          title={t('problems.manage.mergeTitle')}
          submit={t('problems.manage.merge')}
          onSubmit={form.merge}
          after={<MergedList {...p} />}
        >
          <CodeSelect {...p} field="from" label={t('problems.manage.mergeFrom')} />
          <CodeSelect {...p} field="into" label={t('problems.manage.mergeInto')} codes={into} />
        </Block>
        <Block
          title={t('problems.manage.customTitle')}
          submit={t('problems.manage.create')}
          onSubmit={form.createCustom}
        >
          <DraftInput {...p} field="customName" label={t('problems.manage.customName')} maxLength={60} />
          <DraftInput {...p} field="customKeywords" label={t('problems.manage.customKeywords')} />
        </Block>
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
