/**
 * Everything the 问题 view shows, derived from the dataset, the user's edits and the filters.
 * Statements are split and classified once per dataset object (the store makes a new one per
 * version) and re-classified once per edits object, so switching views, filters or language does
 * not redo the work (the sample: ~1,800 statements, well under a second).
 */
import type { ClassifierRequestBody } from '../../analysis/problems/classifier-session';
import { DEFAULT_PROBLEM_RULES } from '../../analysis/problems/category-rules';
import { applyEdits, rulesWithEdits, type ProblemEdits } from '../../analysis/problems/edits';
import {
  isCounted,
  learntExamples,
  unconfirmedUpTo,
  withModelDecisions,
  type ModelDecisions,
} from '../../analysis/problems/model-decisions';
import { groupUnmatched, type UnmatchedCluster } from '../../analysis/problems/group-unmatched';
import {
  ATTENTION_LOOKBACK_MONTHS,
  chronicProblems,
  detectCopies,
  problemsNeedingAttention,
  type AttentionItem,
  type ChronicItem,
  type CopyFlag,
} from '../../analysis/problems/recurrence';
import { findRecurringHazards, type RecurringHazard } from '../../analysis/problems/recurring-hazards';
import { buildProblemStatements, reportedProblemPeriods } from '../../analysis/problems/statements';
import { orderTownships } from '../../analysis/problems/township-order';
import type { ProblemStatement } from '../../analysis/problems/types';
import { addMonths, periodRange, type Period } from '../../domain/month';
import type { Dataset, Township } from '../../domain/records';

/** The global filters the view respects (from the URL state). */
export interface ProblemFilters {
  readonly from: Period | null;
  readonly to: Period | null;
  /** Empty means all townships. */
  readonly townships: readonly string[];
}

export interface CopySummary {
  readonly township: string;
  /** Statements in the window that had an earlier report to compare with. */
  readonly compared: number;
  /** Of those, worded (almost) like the previous report. */
  readonly copied: number;
  /** copied / compared; null when nothing was compared (not 0: nothing to judge). */
  readonly rate: number | null;
  /** Months in the window whose whole problem paragraph repeated the previous report. */
  readonly allCopiedMonths: readonly Period[];
}

export interface ProblemModel {
  /** All statements with the edits applied (whole dataset, every township). */
  readonly all: readonly ProblemStatement[];
  /** Statements of the selected townships inside the window. */
  readonly visible: readonly ProblemStatement[];
  /** The window: the filter's months, else the months with statements; null without any. */
  readonly from: Period | null;
  readonly to: Period | null;
  /** Townships with statements in the window, official order first. */
  readonly townships: readonly string[];
  readonly chronic: readonly ChronicItem[];
  /** statement id → copy flag (all statements of the selected townships). */
  readonly copyFlags: ReadonlyMap<string, CopyFlag>;
  readonly copies: readonly CopySummary[];
  readonly clusters: readonly UnmatchedCluster[];
  readonly recurringHazards: readonly RecurringHazard[];
  /** township → recurring hazards in the window (townships without any are absent). */
  readonly recurringHazardCount: ReadonlyMap<string, number>;
}

const baseCache = new WeakMap<object, ProblemStatement[]>();
const modelledCache = new WeakMap<ProblemStatement[], WeakMap<ModelDecisions, ProblemStatement[]>>();
const appliedCache = new WeakMap<ProblemStatement[], WeakMap<ProblemEdits, ProblemStatement[]>>();
const textsCache = new WeakMap<ProblemStatement[], { id: number; texts: string[] }>();
let textsSeq = 0;
const reportedCache = new WeakMap<object, Map<string, Set<Period>>>();
const countedCache = new WeakMap<
  ProblemStatement[],
  {
    statements: ProblemStatement[];
    order: WeakMap<readonly Township[], string[]>;
    byPeriod: Map<Period, ProblemStatement[]> | null;
  }
>();
const hazardCache = new WeakMap<object, RecurringHazard[]>();

/** The dataset's statements before edits, cached per dataset object. Empty dataset → []. */
export function baseStatementsFor(dataset: Pick<Dataset, 'townshipMonths' | 'problems'>): ProblemStatement[] {
  let base = baseCache.get(dataset);
  if (!base) {
    base = buildProblemStatements(dataset);
    baseCache.set(dataset, base);
  }
  return base;
}

/**
 * The dataset's statements with the model's decisions (when loaded; null → the rule decisions,
 * provisional) and then `edits` applied (a manual choice always wins). Cached per object.
 */
export function statementsFor(
  dataset: Pick<Dataset, 'townshipMonths' | 'problems'>,
  edits: ProblemEdits,
  decisions: ModelDecisions | null = null,
): ProblemStatement[] {
  let base = baseStatementsFor(dataset);
  if (decisions !== null) {
    let byDecisions = modelledCache.get(base);
    if (!byDecisions) {
      byDecisions = new WeakMap();
      modelledCache.set(base, byDecisions);
    }
    let modelled = byDecisions.get(decisions);
    if (!modelled) {
      modelled = withModelDecisions(base, decisions);
      byDecisions.set(decisions, modelled);
    }
    base = modelled;
  }
  let byEdits = appliedCache.get(base);
  if (!byEdits) {
    byEdits = new WeakMap();
    appliedCache.set(base, byEdits);
  }
  let applied = byEdits.get(edits);
  if (!applied) {
    applied = applyEdits(base, edits);
    byEdits.set(edits, applied);
  }
  return applied;
}

function reportedFor(dataset: Pick<Dataset, 'townshipMonths' | 'problems'>): Map<string, Set<Period>> {
  let r = reportedCache.get(dataset);
  if (!r) {
    r = reportedProblemPeriods(dataset);
    reportedCache.set(dataset, r);
  }
  return r;
}

function recurringHazardsFor(dataset: Pick<Dataset, 'hazards'>): RecurringHazard[] {
  let r = hazardCache.get(dataset);
  if (!r) {
    r = findRecurringHazards(dataset.hazards).items;
    hazardCache.set(dataset, r);
  }
  return r;
}

/**
 * Derives the view's content. The window defaults to the first/last month with statements (of the
 * selected townships); a filter month outside the data simply yields fewer months. No statements →
 * empty lists and a null window. Chronic problems use the months each township actually reported
 * (a missing report pauses a streak, it does not break it).
 */
export function deriveProblemModel(
  dataset: Dataset,
  edits: ProblemEdits,
  filters: ProblemFilters,
  decisions: ModelDecisions | null = null,
): ProblemModel {
  const all = statementsFor(dataset, edits, decisions);
  const selected = new Set(filters.townships);
  const ofTownships = selected.size === 0 ? all : all.filter((s) => selected.has(s.township));
  let min: Period | null = null;
  let max: Period | null = null;
  for (const s of ofTownships) {
    if (min === null || s.period < min) min = s.period;
    if (max === null || s.period > max) max = s.period;
  }
  const from = filters.from ?? min;
  const to = filters.to ?? max;
  const inWindow = (p: Period) => from !== null && to !== null && p >= from && p <= to;
  const visible = ofTownships.filter((s) => inWindow(s.period));
  const townships = orderTownships(
    dataset.townships,
    visible.map((s) => s.township),
  );
  const reported = reportedFor(dataset);
  // Recurrence counts only confirmed or confident statements (model-decisions.ts, isCounted).
  const chronic =
    from !== null && to !== null && from <= to
      ? chronicProblems(visible.filter(isCounted), { from, to, reported, townshipOrder: townships })
      : [];

  // Copies compare with the previous report, which may lie before the window: analyse every month.
  const copyAnalysis = detectCopies(ofTownships);
  const copies: CopySummary[] = townships.map((township) => {
    let compared = 0;
    let copied = 0;
    for (const s of visible) {
      if (s.township !== township) continue;
      const flag = copyAnalysis.byStatement.get(s.id);
      if (!flag || flag.previousPeriod === null) continue;
      compared++;
      if (flag.copiedFromPrevious) copied++;
    }
    const months = copyAnalysis.byTownshipMonth.get(township) ?? new Map();
    const allCopiedMonths = [...months]
      .filter(([p, m]) => inWindow(p) && m.allCopied)
      .map(([p]) => p)
      .sort();
    return { township, compared, copied, rate: compared === 0 ? null : copied / compared, allCopiedMonths };
  });

  const recurringHazards = recurringHazardsFor(dataset).filter(
    (h) => (selected.size === 0 || selected.has(h.township)) && inWindow(h.hazard.period),
  );
  const recurringHazardCount = new Map<string, number>();
  for (const h of recurringHazards)
    recurringHazardCount.set(h.township, (recurringHazardCount.get(h.township) ?? 0) + 1);

  return {
    all,
    visible,
    from,
    to,
    townships,
    chronic,
    copyFlags: copyAnalysis.byStatement,
    copies,
    clusters: groupUnmatched(visible),
    recurringHazards,
    recurringHazardCount,
  };
}

/**
 * For the overview's "needs attention" list and the 通报: (township, category, streak) recurring
 * 3+ months up to `month`, with the model's decisions and the user's edits applied (manual choices
 * and merges count), counting only confirmed or confident statements. Empty dataset → [].
 */
export function problemAttentionItems(
  dataset: Dataset,
  edits: ProblemEdits,
  month: Period,
  decisions: ModelDecisions | null = null,
): AttentionItem[] {
  // The counted statements and their township order depend on the data, edits and decisions,
  // not on the month: kept per statement list, so a change of month only redoes the look-back
  // (issue 13: this ran on every filter change of 总览).
  const all = statementsFor(dataset, edits, decisions);
  let counted = countedCache.get(all);
  if (!counted) {
    counted = { statements: all.filter(isCounted), order: new WeakMap(), byPeriod: null };
    countedCache.set(all, counted);
  }
  const { statements } = counted;
  let townshipOrder = counted.order.get(dataset.townships);
  if (!townshipOrder) {
    townshipOrder = orderTownships(
      dataset.townships,
      statements.map((s) => s.township),
    );
    counted.order.set(dataset.townships, townshipOrder);
  }
  // Only the look-back's months are handed on (the items' order does not depend on the input's).
  if (!counted.byPeriod) {
    const byPeriod = new Map<Period, ProblemStatement[]>();
    for (const s of statements) {
      const list = byPeriod.get(s.period);
      if (list) list.push(s);
      else byPeriod.set(s.period, [s]);
    }
    counted.byPeriod = byPeriod;
  }
  const { byPeriod } = counted;
  const inLookBack = periodRange(addMonths(month, -(ATTENTION_LOOKBACK_MONTHS - 1)), month).flatMap(
    (p) => byPeriod.get(p) ?? [],
  );
  return problemsNeedingAttention(inLookBack, month, {
    reported: reportedFor(dataset),
    townshipOrder,
    lookbackMonths: ATTENTION_LOOKBACK_MONTHS,
  });
}

/**
 * Statements waiting for confirmation in the recurrence look-back up to `month` (of `townships`,
 * all when empty): the "另有 N 条待确认" of the overview and the 通报.
 */
export function unconfirmedProblemCount(
  dataset: Dataset,
  edits: ProblemEdits,
  month: Period,
  decisions: ModelDecisions | null,
  townships: readonly string[] = [],
): number {
  if (decisions === null) return 0;
  return unconfirmedUpTo(statementsFor(dataset, edits, decisions), month, 12, new Set(townships));
}

/**
 * What the classifier should run on for this dataset and these edits: the distinct texts the
 * rules classified (file categories are not re-decided), the learnt examples and the rules with
 * the user's keywords; `key` is equal for equal requests (the controller skips repeats).
 */
export function classifierRequestFor(
  dataset: Pick<Dataset, 'townshipMonths' | 'problems'>,
  edits: ProblemEdits,
): { key: string; body: ClassifierRequestBody } {
  const base = baseStatementsFor(dataset);
  let texts = textsCache.get(base);
  if (!texts) {
    texts = {
      id: ++textsSeq,
      texts: [...new Set(base.filter((s) => s.classified_by === 'rule').map((s) => s.text))],
    };
    textsCache.set(base, texts);
  }
  const learnt = learntExamples(edits, base);
  const ruleEdits = JSON.stringify([[...edits.extraKeywords], [...edits.custom.values()]]);
  return {
    key: `${texts.id}\u001f${ruleEdits}\u001f${JSON.stringify(learnt.map((e) => [e.text, e.category]))}`,
    body: { texts: texts.texts, learnt, rules: rulesWithEdits(DEFAULT_PROBLEM_RULES, edits) },
  };
}
