/**
 * Everything the 问题 view draws, derived without React from the dataset, the user's edits, the
 * URL state and the language: the problem model, the category options, whose timeline is shown,
 * the four chart specs, the chronic items of the selected category and the listed statements.
 * The view only renders this and sends clicks back through `applySelection`.
 *
 * Where statements and their categories come from: `statementsFor` (problem-model.ts) splits and
 * classifies them (src/analysis/problems/statements.ts) and applies the edits. A different
 * classifier changes that one step; everything here follows from the statements it returns.
 */
import { categoryName, type ProblemEdits } from '../../analysis/problems/edits';
import type { ChronicItem } from '../../analysis/problems/recurrence';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import type { ChartSelection, ChartSpec } from '../../charts/chart-spec';
import { buildChronicTable } from '../../charts/problems/chronic-table';
import { buildProblemHeatmap } from '../../charts/problems/heatmap';
import { buildProblemTimeline } from '../../charts/problems/timeline';
import { buildProblemTrend } from '../../charts/problems/trend';
import type { Dataset } from '../../domain/records';
import type { Lang } from '../../i18n/i18n';
import type { ProblemEditsController } from './problem-edits-controller';
import { categoryOptions, clearReassignment, reassignStatement, resetLearning } from './edit-actions';
import { deriveProblemModel, type ProblemFilters, type ProblemModel } from './problem-model';

/** Most statements listed for a selection (newest first); narrowing shows the rest. */
export const MAX_LISTED = 60;

/** Months above which a timeline's cells are too narrow for their streak numbers. */
const MAX_LABELLED_MONTHS = 18;

export interface ProblemsViewInput {
  readonly dataset: Dataset;
  readonly edits: ProblemEdits;
  readonly filters: ProblemFilters;
  /** Selected category (URL `cat`), or null. */
  readonly category: CategoryCode | null;
  /** Township picked for the timeline and the statement list (URL `pt`), or null. */
  readonly timelineTownship: string | null;
  readonly lang: Lang;
}

export interface ProblemsViewModel {
  readonly model: ProblemModel;
  readonly options: readonly { readonly code: CategoryCode; readonly label: string }[];
  /** Township whose timeline is drawn: the picked one, the single filtered one, the most chronic, the first. */
  readonly timelineTownship: string | null;
  /** The charts; null when the window is empty (no statements). */
  readonly specs: {
    readonly heatmap: ChartSpec;
    readonly trend: ChartSpec;
    readonly timeline: ChartSpec | null;
    readonly chronic: ChartSpec;
  } | null;
  readonly heatmapHeight: number;
  /** Chronic items of the selected category (all without one). */
  readonly chronic: readonly ChronicItem[];
  /** Statements of the selected category and/or picked township, newest first; null = no selection. */
  readonly listed: readonly ProblemStatement[] | null;
  /** The selection in words ("小召乡 · 类别"), '' for none. */
  readonly scope: string;
}

/**
 * A long timeline without the numbers in its cells: at 36 months × 13 categories they overlap and
 * become unreadable; the colour still shows the streaks and the data table has the numbers.
 */
export function withReadableCells(spec: ChartSpec): ChartSpec {
  if (spec.table.columns.length - 1 <= MAX_LABELLED_MONTHS) return spec;
  const o = spec.option as { series?: object[] };
  return {
    ...spec,
    option: { ...spec.option, series: (o.series ?? []).map((x) => ({ ...x, label: { show: false } })) },
  };
}

function resolveTimelineTownship(
  input: Pick<ProblemsViewInput, 'timelineTownship' | 'filters'>,
  model: ProblemModel,
): string | null {
  const known = (t: string | null | undefined) => (t != null && model.townships.includes(t) ? t : null);
  const only = input.filters.townships.length === 1 ? input.filters.townships[0] : null;
  return (
    known(input.timelineTownship) ?? known(only) ?? model.chronic[0]?.township ?? model.townships[0] ?? null
  );
}

function listedStatements(
  input: Pick<ProblemsViewInput, 'category' | 'timelineTownship'>,
  model: ProblemModel,
): ProblemStatement[] | null {
  const { category, timelineTownship: township } = input;
  if (category === null && township === null) return null;
  return model.visible
    .filter(
      (s) => (category === null || s.category === category) && (township === null || s.township === township),
    )
    .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : a.seq - b.seq));
}

/** The parts that depend on the model and the charts' inputs (not on the category or the list). */
export type ProblemCharts = Pick<
  ProblemsViewModel,
  'options' | 'timelineTownship' | 'specs' | 'heatmapHeight'
>;
/** The parts that depend on the selection (category, picked township). */
export type ProblemSelection = Pick<ProblemsViewModel, 'chronic' | 'listed' | 'scope'>;

/**
 * The charts and options. Separate from problemSelection so that picking a category (a URL
 * change) does not rebuild the model or the charts; the component memoizes each step.
 */
export function problemCharts(
  model: ProblemModel,
  input: Omit<ProblemsViewInput, 'category'>,
): ProblemCharts {
  const { dataset, edits, lang } = input;
  const { from, to } = model;
  const timelineTownship = resolveTimelineTownship(input, model);
  let specs: ProblemsViewModel['specs'] = null;
  if (from !== null && to !== null) {
    const charts = { statements: model.visible, townships: dataset.townships, from, to, lang, edits };
    specs = {
      heatmap: buildProblemHeatmap(charts),
      trend: buildProblemTrend(charts),
      timeline:
        timelineTownship === null
          ? null
          : withReadableCells(buildProblemTimeline({ ...charts, township: timelineTownship })),
      chronic: buildChronicTable(model.chronic, { lang, edits }),
    };
  }
  return {
    options: categoryOptions(edits, lang),
    timelineTownship,
    specs,
    heatmapHeight: Math.max(360, 200 + 24 * model.townships.length),
  };
}

/** The chronic items of the selected category, the listed statements and the scope in words. */
export function problemSelection(
  model: ProblemModel,
  input: Pick<ProblemsViewInput, 'category' | 'timelineTownship' | 'edits' | 'lang'>,
): ProblemSelection {
  const { category, edits, lang } = input;
  const scope = [input.timelineTownship, category === null ? null : categoryName(category, edits, lang)]
    .filter((x) => x !== null)
    .join(' · ');
  return {
    chronic: category === null ? model.chronic : model.chronic.filter((c) => c.category === category),
    listed: listedStatements(input, model),
    scope,
  };
}

/** Derives the whole view at once (the component memoizes the three steps separately). */
export function deriveProblemsView(input: ProblemsViewInput): ProblemsViewModel {
  const model = deriveProblemModel(input.dataset, input.edits, input.filters);
  return { model, ...problemCharts(model, input), ...problemSelection(model, input) };
}

export interface ProblemsSelectionTarget {
  readonly onTownshipsChange: (townships: readonly string[]) => void;
  readonly onCategoryChange: (category: CategoryCode | null) => void;
}

/**
 * A chart click in the 问题 view: a township filters to it, a category selects it (a heatmap cell
 * does both). Months are not a selection here (the window comes from the global filters).
 */
export function applySelection(selection: ChartSelection, target: ProblemsSelectionTarget): void {
  if (selection.township !== undefined) target.onTownshipsChange([selection.township]);
  if (selection.category !== undefined) target.onCategoryChange(selection.category);
}

/** The view's edit commands on the edits controller (applied at once, saved in the background). */
export function problemEditCommands(controller: Pick<ProblemEditsController, 'update'>) {
  return {
    reassign: (s: ProblemStatement, c: CategoryCode) => controller.update((e) => reassignStatement(e, s, c)),
    reset: (s: ProblemStatement) => controller.update((e) => clearReassignment(e, s)),
    /** The model forgets the office's examples; manual choices stay. */
    resetLearning: () => controller.update(resetLearning),
  };
}
