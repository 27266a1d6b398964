/**
 * Wires the 问题 view into the shell: URL state (`from`, `to`, `townships`, `cat`, `pt`) to props,
 * with the store's one problem-edits controller (../problem-edits.ts). 总览's recurring-problem
 * lines are in overview-route.tsx.
 */
import { useMemo } from 'react';
import { ProblemsView } from '../../features/problems/problems-view';
import type { ViewContext } from './route-types';
import { problemEditsControllerFor, useModelDecisions } from '../problem-edits';
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

/** The 问题 tab (loaded on demand: registry.tsx). */
export function ProblemsRoute({ snapshot, store, state, setState }: ViewContext) {
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
