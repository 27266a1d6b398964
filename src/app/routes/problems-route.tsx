/**
 * Wires the 问题 view into the shell: URL state (`from`, `to`, `townships`, `cat`, `pt`) to props,
 * with the store's one problem-edits controller (../problem-edits.ts); and 总览 with the problems
 * recurring 3+ months in its needs-attention list.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Period } from '../../domain/month';
import type { DataSnapshot } from '../../store/types';
import { ProblemsView } from '../../features/problems/problems-view';
import type { ViewContext, ViewDef } from './route-types';
import { categoryName } from '../../analysis/problems/edits';
import { useLang, useT } from '../../components/i18n-provider';
import type { ExtraAttentionItem } from '../../features/overview/overview-view';
import { problemEditsControllerFor, useModelDecisions, useProblemAttention } from '../problem-edits';
import { renderOverview } from './dashboard-routes';
import { DetailPanel } from '../../features/detail/detail-panel';
import { StatementSourceContext, type StatementSource } from '../../components/statement-source';
import type { ReportAttachment } from '../../ingest/report/report-attachment';

/**
 * Links each statement of a Word/text report to its paragraph (issue 11): the report stored with
 * the record's import batch knows the line of each split statement (same split, same seq).
 */
function useStatementSource({
  snapshot,
  setState,
}: Pick<ViewContext, 'snapshot' | 'setState'>): StatementSource {
  const imports = snapshot.imports;
  return useMemo(() => {
    const reports = new Map<string, ReportAttachment>();
    // Newest first: the first report of a file name is the one the records came from.
    for (const e of imports)
      if (e.result.report && !reports.has(e.result.file)) reports.set(e.result.file, e.result.report);
    return {
      paragraphOf: (s) => reports.get(s.source.file)?.problems.find((p) => p.seq === s.seq)?.line ?? null,
      open: (s, line) => setState({ cell: { township: s.township, period: s.period }, para: line }),
    };
  }, [imports, setState]);
}

function ProblemsRoute({ snapshot, store, state, setState }: ViewContext) {
  const controller = problemEditsControllerFor(store);
  const classifier = useModelDecisions(store, snapshot.dataset);
  const { from, to, townships } = state;
  // Stable filters object: a new one every render would re-derive the whole model.
  const filters = useMemo(() => ({ from, to, townships }), [from, to, townships]);
  const source = useStatementSource({ snapshot, setState });
  return (
    <StatementSourceContext.Provider value={source}>
      {state.cell ? (
        <DetailPanel
          dataset={snapshot.dataset}
          imports={snapshot.imports}
          township={state.cell.township}
          period={state.cell.period}
          focusLine={state.para ?? null}
          onClose={() => setState({ cell: null, para: undefined })}
        />
      ) : null}
      <ProblemsRoutedView
        snapshot={snapshot}
        controller={controller}
        classifier={classifier}
        filters={filters}
        state={state}
        setState={setState}
      />
    </StatementSourceContext.Provider>
  );
}

function ProblemsRoutedView({
  snapshot,
  controller,
  classifier,
  filters,
  state,
  setState,
}: Pick<ViewContext, 'snapshot' | 'state' | 'setState'> & {
  controller: ReturnType<typeof problemEditsControllerFor>;
  classifier: ReturnType<typeof useModelDecisions>;
  filters: {
    from: ViewContext['state']['from'];
    to: ViewContext['state']['to'];
    townships: ViewContext['state']['townships'];
  };
}) {
  return (
    <ProblemsView
      dataset={snapshot.dataset}
      controller={controller}
      classifier={classifier}
      filters={filters}
      category={state.cat ?? null}
      timelineTownship={state.pt ?? null}
      onTownshipsChange={(list) => setState({ townships: [...list] })}
      onCategoryChange={(cat) => setState({ cat: cat ?? undefined })}
      onTimelineTownshipChange={(pt) => setState({ pt: pt ?? undefined })}
    />
  );
}

/** The 问题 view's registry entry, for VIEWS in registry.tsx. */
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
  return renderOverview(ctx, extra);
}
