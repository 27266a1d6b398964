/**
 * 总览's recurring-problem lines: the problems recurring 3+ months, for its needs-attention list.
 * The problem analysis (splitting, rules, the classifier client) is not needed to draw the first
 * chart, so this module loads on demand (overview-route.tsx, issue 13) and hands its lines up.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Period } from '../../domain/month';
import type { DataSnapshot } from '../../store/types';
import { categoryName } from '../../analysis/problems/edits';
import { useLang, useT } from '../../components/i18n-provider';
import type { ExtraAttentionItem } from '../../features/overview/overview-view';
import { problemEditsControllerFor, useProblemAttention } from '../problem-edits';
import type { ViewContext } from './route-types';

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
 * Computes the "problems recurring 3+ months" lines for the selected month (the URL's `to`, else
 * the latest month) and the selected townships, with the user's category edits, and passes them to
 * `onItems` whenever they change. Renders nothing.
 */
export function OverviewProblems({
  ctx,
  onItems,
}: {
  readonly ctx: ViewContext;
  readonly onItems: (items: ExtraAttentionItem[]) => void;
}) {
  const t = useT();
  const lang = useLang();
  const month = ctx.state.to ?? latestPeriod(ctx.snapshot);
  const selected = ctx.state.townships;
  const { items, unconfirmed, classifier } = useProblemAttention(ctx.store, ctx.snapshot, month, selected);
  const controller = problemEditsControllerFor(ctx.store);
  const { edits } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
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
    // Say what the list does not count, so a reader never takes a partial count for the whole.
    if (classifier.decisions === null)
      shown.push({
        key: 'problem:provisional',
        township: '',
        label: t('problems.attention.label'),
        reason: t(
          classifier.status === 'failed' ? 'problems.model.failedNote' : 'problems.model.provisionalNote',
        ),
      });
    else if (unconfirmed > 0)
      shown.push({
        key: 'problem:unconfirmed',
        township: '',
        label: t('problems.attention.label'),
        reason: t('problems.attention.unconfirmed', { n: unconfirmed }),
      });
    return shown;
  }, [items, selected, edits, lang, t, unconfirmed, classifier.decisions, classifier.status]);
  useEffect(() => onItems(extra), [extra, onItems]);
  return null;
}
