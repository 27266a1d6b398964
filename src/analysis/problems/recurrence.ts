/**
 * Recurrence of problem categories per township (issue 4).
 *
 * Streak rule (decision): months are calendar months inside the window [from, to].
 * - A month where the township reported and named the category extends the streak.
 * - A month where the township reported but did NOT name the category breaks it (back to 0).
 * - A month with no report from the township (not submitted, or problems left blank) PAUSES the
 *   streak: it neither extends nor breaks it, and the streak is marked `hasGap`. A missing report is
 *   "not reported", not "no problem" (null is never 0), so it must not wipe out a chronic problem.
 * - The current streak ends at the window end (or at the last reported month before it when the
 *   township has not reported yet). Months before `from` are not looked at: a streak is truncated
 *   at the window start.
 * "Reported" comes from `reported` (see reportedProblemPeriods); without it, a month with any
 * statement of the township counts as reported and any other month as not reported.
 */
import { addMonths, periodRange, type Period } from '../../domain/month';
import { textSimilarity } from './text';
import type { CategoryCode, KeywordMatch, ProblemStatement } from './types';

export interface RecurrenceOptions {
  readonly from: Period;
  readonly to: Period;
  /** township → months it reported problems in (see reportedProblemPeriods). */
  readonly reported?: ReadonlyMap<string, ReadonlySet<Period>>;
}

export interface CategoryRecurrence {
  readonly township: string;
  readonly category: CategoryCode;
  /** Months in the window in which the category was reported, ascending. */
  readonly months: readonly Period[];
  readonly monthsReported: number;
  /** Consecutive reported months ending at the window end (pauses allowed, see module doc). */
  readonly currentStreak: number;
  /** The months of the current streak, ascending. */
  readonly currentStreakMonths: readonly Period[];
  /** True when the current streak spans a month without a report. */
  readonly currentStreakHasGap: boolean;
  readonly longestStreak: number;
  readonly firstSeen: Period;
  readonly lastSeen: Period;
}

const inWindow = (p: Period, o: RecurrenceOptions): boolean => p >= o.from && p <= o.to;

/** Groups statements: township → category → set of periods (inside the window). */
function index(statements: readonly ProblemStatement[], o: RecurrenceOptions) {
  const byTownship = new Map<string, Map<CategoryCode, Set<Period>>>();
  const anyReport = new Map<string, Set<Period>>();
  for (const s of statements) {
    if (!inWindow(s.period, o)) continue;
    const cats = byTownship.get(s.township) ?? new Map<CategoryCode, Set<Period>>();
    byTownship.set(s.township, cats);
    const periods = cats.get(s.category) ?? new Set<Period>();
    cats.set(s.category, periods);
    periods.add(s.period);
    const any = anyReport.get(s.township) ?? new Set<Period>();
    any.add(s.period);
    anyReport.set(s.township, any);
  }
  return { byTownship, anyReport };
}

/**
 * Recurrence of every (township, category) seen in the window, in township first-appearance
 * order then category code. Empty input or an empty window (to < from) gives [].
 */
export function computeRecurrence(
  statements: readonly ProblemStatement[],
  options: RecurrenceOptions,
): CategoryRecurrence[] {
  const months = periodRange(options.from, options.to);
  const { byTownship, anyReport } = index(statements, options);
  const out: CategoryRecurrence[] = [];
  for (const [township, cats] of byTownship) {
    const reported = options.reported?.get(township) ?? anyReport.get(township) ?? new Set<Period>();
    for (const category of [...cats.keys()].sort()) {
      const seen = cats.get(category)!;
      let run: Period[] = [];
      let runHasGap = false;
      let pausedSinceHit = false;
      let longest = 0;
      for (const m of months) {
        if (seen.has(m)) {
          if (pausedSinceHit && run.length > 0) runHasGap = true;
          run = [...run, m];
          pausedSinceHit = false;
          longest = Math.max(longest, run.length);
        } else if (reported.has(m)) {
          run = [];
          runHasGap = false;
          pausedSinceHit = false;
        } else if (run.length > 0) pausedSinceHit = true;
      }
      const list = months.filter((m) => seen.has(m));
      out.push({
        township,
        category,
        months: list,
        monthsReported: list.length,
        currentStreak: run.length,
        currentStreakMonths: run,
        currentStreakHasGap: runHasGap,
        longestStreak: longest,
        firstSeen: list[0]!,
        lastSeen: list[list.length - 1]!,
      });
    }
  }
  return out;
}

export interface CopyFlag {
  readonly copiedFromPrevious: boolean;
  /** The township's latest earlier month with statements, or null when there is none. */
  readonly previousPeriod: Period | null;
  /** Best similarity to a statement of that month (0 when there is no previous month). */
  readonly similarity: number;
}

export interface CopyAnalysis {
  /** statement id → flag. */
  readonly byStatement: ReadonlyMap<string, CopyFlag>;
  /** township → period → counts; `allCopied` when every statement of the month was copied. */
  readonly byTownshipMonth: ReadonlyMap<
    string,
    ReadonlyMap<Period, { statements: number; copied: number; allCopied: boolean }>
  >;
  /** township → statements that had a previous month, how many were copied, rate (null when none compared). */
  readonly rateByTownship: ReadonlyMap<string, { compared: number; copied: number; rate: number | null }>;
}

/** Default "same wording" threshold on bigram Jaccard of normalised text. */
export const COPY_SIMILARITY_THRESHOLD = 0.9;

/**
 * Flags statements whose wording is (near-)identical to a statement of the same township's
 * previous report: the latest earlier month with statements, so a skipped month does not hide a
 * copy. Similarity is bigram Jaccard on normalised text (punctuation, spacing, full-width forms
 * ignored). This is separate from category recurrence: a problem found again in new words is
 * recurrence, the same paragraph pasted again is a copy.
 */
export function detectCopies(
  statements: readonly ProblemStatement[],
  threshold = COPY_SIMILARITY_THRESHOLD,
): CopyAnalysis {
  const byTownship = new Map<string, Map<Period, ProblemStatement[]>>();
  for (const s of statements) {
    const months = byTownship.get(s.township) ?? new Map<Period, ProblemStatement[]>();
    byTownship.set(s.township, months);
    const list = months.get(s.period) ?? [];
    list.push(s);
    months.set(s.period, list);
  }
  const byStatement = new Map<string, CopyFlag>();
  const byTownshipMonth = new Map<
    string,
    Map<Period, { statements: number; copied: number; allCopied: boolean }>
  >();
  const rateByTownship = new Map<string, { compared: number; copied: number; rate: number | null }>();
  for (const [township, months] of byTownship) {
    const periods = [...months.keys()].sort();
    const perMonth = new Map<Period, { statements: number; copied: number; allCopied: boolean }>();
    let compared = 0;
    let copiedTotal = 0;
    periods.forEach((p, i) => {
      const prev = i > 0 ? periods[i - 1]! : null;
      const prevList = prev === null ? [] : months.get(prev)!;
      let copied = 0;
      const list = months.get(p)!;
      for (const s of list) {
        let best = 0;
        for (const q of prevList) best = Math.max(best, textSimilarity(s.normalised, q.normalised));
        const flag = prev !== null && best >= threshold;
        if (flag) copied++;
        byStatement.set(s.id, { copiedFromPrevious: flag, previousPeriod: prev, similarity: best });
      }
      if (prev !== null) {
        compared += list.length;
        copiedTotal += copied;
      }
      perMonth.set(p, {
        statements: list.length,
        copied,
        allCopied: list.length > 0 && copied === list.length,
      });
    });
    byTownshipMonth.set(township, perMonth);
    rateByTownship.set(township, {
      compared,
      copied: copiedTotal,
      rate: compared === 0 ? null : copiedTotal / compared,
    });
  }
  return { byStatement, byTownshipMonth, rateByTownship };
}

export interface ChronicStatement {
  readonly statement: ProblemStatement;
  /** Character ranges of the category's keyword hits in `statement.text`, for highlighting. */
  readonly highlights: readonly Pick<KeywordMatch, 'term' | 'start' | 'end'>[];
}

export interface ChronicItem extends CategoryRecurrence {
  /** Statements behind the current streak, newest month first, then seq. */
  readonly statements: readonly ChronicStatement[];
}

/**
 * Chronic problems: (township, category) whose current streak is at least `minStreak` (default 3),
 * ranked by streak (desc), then months reported, then `townshipOrder` (official order; unknown
 * townships after, by name), then category code. Empty input gives [].
 */
export function chronicProblems(
  statements: readonly ProblemStatement[],
  options: RecurrenceOptions & { readonly minStreak?: number; readonly townshipOrder?: readonly string[] },
): ChronicItem[] {
  const minStreak = options.minStreak ?? 3;
  const order = new Map((options.townshipOrder ?? []).map((t, i) => [t, i]));
  const rank = (t: string): number => order.get(t) ?? Number.MAX_SAFE_INTEGER;
  const items = computeRecurrence(statements, options).filter((r) => r.currentStreak >= minStreak);
  // Statements by township and category, in input order: scanning every statement for every
  // chronic item was quadratic, seconds per redraw of 总览 at 300 townships × 120 months (issue 13).
  // Only the window's: a streak's months are inside it, and the overview's 12-month look-back
  // need not group ten years of statements on every change of month.
  const byPair = new Map<string, ProblemStatement[]>();
  for (const s of statements) {
    if (!inWindow(s.period, options)) continue;
    const k = `${s.township}\u0000${s.category}`;
    const list = byPair.get(k);
    if (list) list.push(s);
    else byPair.set(k, [s]);
  }
  return items
    .sort(
      (a, b) =>
        b.currentStreak - a.currentStreak ||
        b.monthsReported - a.monthsReported ||
        rank(a.township) - rank(b.township) ||
        (a.township < b.township ? -1 : a.township > b.township ? 1 : 0) ||
        (a.category < b.category ? -1 : 1),
    )
    .map((r) => {
      const months = new Set(r.currentStreakMonths);
      const behind = (byPair.get(`${r.township}\u0000${r.category}`) ?? [])
        .filter((s) => months.has(s.period))
        .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : a.seq - b.seq))
        .map((statement) => ({
          statement,
          highlights: statement.matches
            .filter((m) => m.category === r.category)
            .map(({ term, start, end }) => ({ term, start, end })),
        }));
      return { ...r, statements: behind };
    });
}

/** The overview's look-back for recurring problems, in months including the selected one. */
export const ATTENTION_LOOKBACK_MONTHS = 12;

export interface AttentionItem {
  readonly township: string;
  readonly category: CategoryCode;
  readonly streak: number;
}

/**
 * Townships with a category recurring `minStreak` (default 3) or more months up to `month`
 * (looking back `lookbackMonths`, default 12, including `month`), for the overview's "needs
 * attention" list. Same order as chronicProblems.
 */
export function problemsNeedingAttention(
  statements: readonly ProblemStatement[],
  month: Period,
  options: {
    reported?: ReadonlyMap<string, ReadonlySet<Period>>;
    minStreak?: number;
    lookbackMonths?: number;
    townshipOrder?: readonly string[];
  } = {},
): AttentionItem[] {
  const from = addMonths(month, -((options.lookbackMonths ?? ATTENTION_LOOKBACK_MONTHS) - 1));
  return chronicProblems(statements, { ...options, from, to: month }).map((c) => ({
    township: c.township,
    category: c.category,
    streak: c.currentStreak,
  }));
}
