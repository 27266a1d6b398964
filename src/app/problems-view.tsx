/**
 * Wires the 问题 view into the shell: URL state (`from`, `to`, `townships`, `cat`, `pt`) to props,
 * and one edits controller per store, shared by every view that needs the user's problem edits
 * (the overview's "needs attention" list too, via useProblemAttentionItems).
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { AttentionItem } from '../analysis/problems/recurrence';
import type { Period } from '../domain/month';
import type { DataSnapshot, DataStore } from '../store/types';
import {
  createProblemEditsController,
  type ProblemEditsController,
} from '../features/problems/problem-edits-controller';
import {
  chooseProblemEditsRepository,
  type ProblemEditsRepository,
  type StorageLike,
} from '../features/problems/problem-edits-repository';
import { problemAttentionItems } from '../features/problems/problem-model';
import { ProblemsView } from '../features/problems/problems-view';
import type { ViewContext, ViewDef } from './views';
import { categoryName } from '../analysis/problems/edits';
import { useLang, useT } from '../components/i18n-provider';
import type { ExtraAttentionItem } from '../features/overview/overview-view';
import { renderOverview } from './dashboard-views';

const controllers = new WeakMap<object, ProblemEditsController>();

function browserStorage(): StorageLike | null {
  try {
    // Throws in some privacy modes; the edits then live for the session only.
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The edits controller for `store` (created on first use). Uses the store's IndexedDB edits API
 * when it has one, else localStorage; pass `repository` to rewire (first call per store wins).
 */
export function problemEditsControllerFor(
  store: DataStore,
  repository?: ProblemEditsRepository,
): ProblemEditsController {
  let c = controllers.get(store);
  if (!c) {
    c = createProblemEditsController(repository ?? chooseProblemEditsRepository(store, browserStorage()));
    controllers.set(store, c);
  }
  return c;
}

/**
 * For the overview: problems recurring 3+ months up to `month` with the user's edits applied,
 * updated when the data or the edits change. `month` null → [].
 */
export function useProblemAttentionItems(
  store: DataStore,
  snapshot: DataSnapshot,
  month: Period | null,
): AttentionItem[] {
  const controller = problemEditsControllerFor(store);
  const { edits } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  return useMemo(
    () => (month === null ? [] : problemAttentionItems(snapshot.dataset, edits, month)),
    [snapshot.dataset, edits, month],
  );
}

function ProblemsRoute({ snapshot, store, state, setState }: ViewContext) {
  const controller = problemEditsControllerFor(store);
  const { from, to, townships } = state;
  // Stable filters object: a new one every render would re-derive the whole model.
  const filters = useMemo(() => ({ from, to, townships }), [from, to, townships]);
  return (
    <ProblemsView
      dataset={snapshot.dataset}
      controller={controller}
      filters={filters}
      category={state.cat ?? null}
      timelineTownship={state.pt ?? null}
      onTownshipsChange={(list) => setState({ townships: [...list] })}
      onCategoryChange={(cat) => setState({ cat: cat ?? undefined })}
      onTimelineTownshipChange={(pt) => setState({ pt: pt ?? undefined })}
    />
  );
}

/** The 问题 view's registry entry, for VIEWS in views.tsx. */
export const problemsViewDef: ViewDef = {
  id: 'problems',
  labelKey: 'problems.nav',
  render: (ctx) => <ProblemsRoute {...ctx} />,
};

/** Recurring-problem lines shown in the overview's attention list before summarising the rest. */
const MAX_PROBLEM_ITEMS = 6;

/** The latest month with a report, or null for an empty dataset. */
function latestPeriod(snapshot: DataSnapshot): Period | null {
  let latest: Period | null = null;
  for (const r of snapshot.dataset.townshipMonths)
    if (latest === null || r.period > latest) latest = r.period;
  return latest;
}

/**
 * 总览 with "problems recurring 3+ months" in its needs-attention list, for the selected month (the
 * URL's `to`, else the latest month) and the selected townships, with the user's category edits.
 */
export function OverviewWithProblems(ctx: ViewContext) {
  const t = useT();
  const lang = useLang();
  const month = ctx.state.to ?? latestPeriod(ctx.snapshot);
  const items = useProblemAttentionItems(ctx.store, ctx.snapshot, month);
  const controller = problemEditsControllerFor(ctx.store);
  const { edits } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const selected = ctx.state.townships;
  const extra = useMemo<ExtraAttentionItem[]>(() => {
    // Longest streaks first; the rest are summarised in one line pointing to the 问题 view, so
    // chronic problems do not push the month's other warnings off the screen.
    const all = items
      .filter((i) => selected.length === 0 || selected.includes(i.township))
      .sort((x, y) => y.streak - x.streak);
    const shown: ExtraAttentionItem[] = all.slice(0, MAX_PROBLEM_ITEMS).map((i) => ({
      key: `problem:${i.township}:${i.category}`,
      township: i.township,
      label: t('problems.attention.label'),
      reason: t('problems.attention.reason', {
        category: categoryName(i.category, edits, lang),
        streak: i.streak,
      }),
    }));
    const rest = all.slice(MAX_PROBLEM_ITEMS);
    if (rest.length > 0) {
      shown.push({
        key: 'problem:more',
        township: '',
        label: t('problems.attention.label'),
        reason: t('problems.attention.more', {
          n: rest.length,
          townships: new Set(rest.map((i) => i.township)).size,
        }),
      });
    }
    return shown;
  }, [items, selected, edits, lang, t]);
  return renderOverview(ctx, extra);
}
