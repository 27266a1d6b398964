/**
 * The 问题 view: township × category heatmap, category trend, one township's timeline, the ranked
 * chronic problems with their statements (keywords highlighted, category select on each), copy-
 * paste per township, P99 clusters, 屡查屡犯, and a category-management panel. Filters come from the
 * URL state as props; edits come from the controller (applied at once, saved in the background).
 * What is shown is derived by problems-view-model.ts; this component only renders it.
 */
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { CategoryCode } from '../../analysis/problems/types';
import type { ChartSelection, ChartSpec } from '../../charts/chart-spec';
import { ChartFrame } from '../../components/chart-frame';
import { EmptyState } from '../../components/empty-state';
import { useLang, useT } from '../../components/i18n-provider';
import type { Dataset } from '../../domain/records';
import { confirmationQueue, learntExamples } from '../../analysis/problems/model-decisions';
import { CategoryManager } from './category-manager';
import type { ClassifierSnapshot } from './classifier-controller';
import { ConfirmQueue, LearntLine, ModelStatusNotice } from './confirm-queue';
import { ChronicList } from './chronic-list';
import type { EditsStatus, ProblemEditsController } from './problem-edits-controller';
import { baseStatementsFor, deriveProblemModel, type ProblemFilters } from './problem-model';
import { ProblemsHeader } from './problems-header';
import { applySelection, problemCharts, problemEditCommands, problemSelection } from './problems-view-model';
import { RepeatHazardsPanel, ClustersPanel, CopiesPanel } from './side-panels';
import { StatementList } from './statement-list';
import './problems.css';

export interface ProblemsViewProps {
  readonly dataset: Dataset;
  readonly controller: ProblemEditsController;
  /**
   * The statistical classifier's state (useModelDecisions). Absent: the rule classifier only, as
   * before the model (tests of other parts of the view).
   */
  readonly classifier?: ClassifierSnapshot;
  readonly filters: ProblemFilters;
  /** Selected category (URL `cat`), or null. */
  readonly category: CategoryCode | null;
  /** Township whose timeline is shown (URL `pt`); null = the filtered or most chronic township. */
  readonly timelineTownship: string | null;
  readonly onTownshipsChange: (townships: readonly string[]) => void;
  readonly onCategoryChange: (category: CategoryCode | null) => void;
  readonly onTimelineTownshipChange: (township: string | null) => void;
  /** Extra toolbar content per chart (export menu), rendered by ChartFrame. */
  readonly chartActions?: (spec: ChartSpec) => ReactNode;
}

/** Loading or save-failure notice of the user's edits (nothing when ready or saving). */
function EditsStatusNotice({ status }: { status: EditsStatus }) {
  const t = useT();
  if (status === 'loading')
    return (
      <p className="notice notice--info" role="status">
        {t('problems.view.loadingEdits')}
      </p>
    );
  if (status === 'saveFailed')
    return (
      <p className="notice notice--error" role="alert">
        {t('problems.view.saveFailed')}
      </p>
    );
  return null;
}

/** Which township's timeline is drawn. */
function TimelinePicker(props: {
  townships: readonly string[];
  value: string | null;
  onChange: (township: string | null) => void;
}) {
  const t = useT();
  if (props.townships.length === 0) return null;
  return (
    <label className="field problems-timeline-pick">
      <span>{t('problems.timeline.pick')}</span>
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        {props.townships.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The 问题 view. */
export function ProblemsView(props: ProblemsViewProps) {
  const { dataset, controller, filters, category, timelineTownship: picked } = props;
  const t = useT();
  const lang = useLang();
  const { edits, status } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [managing, setManaging] = useState(false);
  // Open by default when something waits; the user's toggle wins after that.
  const [queueChoice, setQueueOpen] = useState<boolean | null>(null);
  const decisions = props.classifier?.decisions ?? null;
  const model = useMemo(
    () => deriveProblemModel(dataset, edits, filters, decisions),
    [dataset, edits, filters, decisions],
  );
  const queue = useMemo(() => confirmationQueue(model.visible), [model]);
  const queueOpen = queueChoice ?? queue.length > 0;
  const learnt = useMemo(() => learntExamples(edits, baseStatementsFor(dataset)).length, [edits, dataset]);
  const charts = useMemo(
    () => problemCharts(model, { dataset, edits, filters, timelineTownship: picked, lang }),
    [model, dataset, edits, filters, picked, lang],
  );
  const selection = useMemo(
    () => problemSelection(model, { category, timelineTownship: picked, edits, lang }),
    [model, category, picked, edits, lang],
  );
  const view = { ...charts, ...selection };
  const commands = useMemo(() => problemEditCommands(controller), [controller]);
  const { options, specs } = view;
  const onSelect = (selection: ChartSelection) => applySelection(selection, props);
  const frame = (spec: ChartSpec, height?: number, select?: (s: ChartSelection) => void) => (
    <ChartFrame spec={spec} onSelect={select} actions={props.chartActions?.(spec)} height={height} />
  );

  return (
    <div className="problems-view" data-testid="problems-view">
      <ProblemsHeader
        from={model.from}
        to={model.to}
        statements={model.visible.length}
        townships={model.townships.length}
        filtered={filters.townships}
        category={category}
        options={options}
        managing={managing}
        onTownshipsChange={props.onTownshipsChange}
        onCategoryChange={props.onCategoryChange}
        onManagingChange={setManaging}
      />
      <EditsStatusNotice status={status} />
      {props.classifier ? (
        <>
          <ModelStatusNotice status={props.classifier.status} />
          <div className="problems-model-bar">
            <button
              type="button"
              className="btn"
              aria-expanded={queueOpen}
              aria-controls="problems-queue"
              data-testid="queue-toggle"
              onClick={() => setQueueOpen(!queueOpen)}
            >
              {t('problems.queue.show', { n: queue.length })}
            </button>
            <LearntLine learnt={learnt} onReset={commands.resetLearning} />
          </div>
          {queueOpen ? (
            <div id="problems-queue">
              <ConfirmQueue
                queue={queue}
                edits={edits}
                options={options}
                onReassign={commands.reassign}
                onReset={commands.reset}
              />
            </div>
          ) : null}
        </>
      ) : null}
      {managing ? <CategoryManager edits={edits} controller={controller} /> : null}
      {specs === null ? (
        <EmptyState message={t('problems.empty')} />
      ) : (
        <>
          <div className="problems-grid problems-grid--charts">
            <div>
              {frame(specs.heatmap, view.heatmapHeight, onSelect)}
              <p className="muted problems-hint">{t('problems.view.heatmapHint')}</p>
            </div>
            <ChronicList
              items={view.chronic}
              edits={edits}
              options={options}
              copyFlags={model.copyFlags}
              title={specs.chronic.title}
              summary={specs.chronic.summary}
              unconfirmed={queue.length}
              onSelect={(township, c) => {
                props.onTimelineTownshipChange(township);
                props.onCategoryChange(c);
              }}
              onReassign={commands.reassign}
              onReset={commands.reset}
            />
          </div>
          <div className="problems-grid">
            {frame(specs.trend, undefined, onSelect)}
            <div>
              <TimelinePicker
                townships={model.townships}
                value={view.timelineTownship}
                onChange={props.onTimelineTownshipChange}
              />
              {specs.timeline ? frame(specs.timeline, 380) : null}
            </div>
          </div>
          <div className="problems-grid">
            <StatementList
              listed={view.listed}
              scope={view.scope}
              edits={edits}
              options={options}
              copyFlags={model.copyFlags}
              showTownship={picked === null}
              onReassign={commands.reassign}
              onReset={commands.reset}
            />
            <CopiesPanel copies={model.copies} />
          </div>
          <div className="problems-grid">
            <ClustersPanel clusters={model.clusters} />
            <RepeatHazardsPanel
              items={model.recurringHazards}
              countByTownship={model.recurringHazardCount}
              townshipOrder={model.townships}
            />
          </div>
        </>
      )}
    </div>
  );
}
