/**
 * The bulletin (通报) as data: title block, numbered sections of generated sentences in the
 * committee's register, the ranking table and the missing/late lists. Every sentence is computed
 * from BulletinFacts; a figure that cannot be computed (no previous month, zero denominator, no
 * township reported it) is left out, never shown as 0. The page and the Word file both render this.
 */
import { compareValues } from '../../analysis/compare';
import { pooledRatio } from '../../analysis/metrics';
import { competitionRanks } from '../../analysis/rank';
import type { ChartTable, TableCell } from '../../charts/chart-spec';
import { maxOf, minOf } from '../../domain/arrays';
import type { Period } from '../../domain/month';
import type { MessageKey } from '../../i18n/catalog';
import { DEFAULT_LANG, translate, type Lang, type MessageParams } from '../../i18n/i18n';
import { formatDate, formatMonthDay, formatPeriod } from '../../i18n/format';
import { countText, percentText } from '../format';
import type { BulletinFacts, MonthFigures, TownshipFacts } from './bulletin-facts';

export type BulletinSectionId = 'submission' | 'hazards' | 'training' | 'problems';

export interface BulletinSection {
  readonly id: BulletinSectionId;
  /** Numbered heading, e.g. `一、报送情况`. */
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export interface BulletinModel {
  readonly lang: Lang;
  /** The bulletin month, `YYYY-MM` (for file names). */
  readonly month: Period;
  readonly title: string;
  readonly issuingOffice: string;
  /** e.g. `2024年3月`. */
  readonly monthLabel: string;
  /** e.g. `数据截至2024年4月2日`. */
  readonly cutoffLine: string;
  /** Sections with at least one sentence, in order; numbering skips none. */
  readonly sections: readonly BulletinSection[];
  readonly ranking: {
    readonly heading: string;
    /** How the table is ordered, printed under it. */
    readonly note: string;
    /** Also exportable with toCsv/toXlsx. */
    readonly table: ChartTable;
  };
  /** Townships without a report, official order. */
  readonly missing: readonly string[];
  /** Late reports with their dates, official order. */
  readonly late: readonly { readonly township: string; readonly reportDate: string }[];
}

export interface BulletinModelOptions {
  readonly lang?: Lang;
  /** Minimum consecutive months for a recurring problem to be named (default 3). */
  readonly recurrenceThreshold?: number;
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Recurring problems named in the bulletin; longer lists are counted (see section 四). */
const MAX_RECURRING_LISTED = 10;
/** `一、` … (zh) or `1. ` (en) for the 0-based section index. */
function sectionNumber(lang: Lang, i: number): string {
  return lang === 'en' ? `${i + 1}. ` : `${ZH_NUMERALS[i] ?? String(i + 1)}、`;
}

/** A ratio as a percentage with one decimal, as printed (display only: ranks use the exact value). */
const oneDecimal = (ratio: number): number => Math.round(ratio * 1000 + 1e-9) / 10;

/** Σ of a figure over townships where it is known; null when no township reported it. */
function sumOf(
  rows: readonly (MonthFigures | null)[],
  pick: (f: MonthFigures) => number | null,
): number | null {
  let sum: number | null = null;
  for (const f of rows) {
    const v = f ? pick(f) : null;
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

/**
 * A township's rectification rate, by the dashboard's formula (pooledRatio, src/analysis/metrics.ts);
 * null when found is unknown or 0, or rectified is unknown.
 */
function rateOf(f: MonthFigures | null): number | null {
  if (!f || f.hazardsFound === null || f.hazardsRectified === null) return null;
  return pooledRatio(f.hazardsRectified, f.hazardsFound);
}

/**
 * Builds the bulletin model from facts. Comparisons (环比/同比) of the hazard count are like for
 * like: only townships with the figure in both months enter either sum (as the dashboard's
 * compareDistrict does), with a note when that is fewer than this month's reporters; no such
 * township or a previous sum of 0 → the comparison is left out. The district rectification rate
 * is pooled (Σrectified ÷ Σfound over townships with both). Highest/lowest rates need two
 * townships with a rate. The ranking is by rectification rate with the dashboard's tie rule
 * (competitionRanks in src/analysis/rank.ts: exact values, ties in official order); townships
 * without a rate follow unranked, then missing ones. Rates and changes come from the dashboard's
 * functions (pooledRatio, compareValues), so the two never disagree (docs/decisions/0004-counting-rules.md).
 * No townships at all → no sections, an empty table.
 */
export function buildBulletinModel(facts: BulletinFacts, opts: BulletinModelOptions = {}): BulletinModel {
  const lang = opts.lang ?? DEFAULT_LANG;
  const threshold = opts.recurrenceThreshold ?? 3;
  const t = (key: MessageKey, params?: MessageParams): string => translate(lang, key, params);
  const list = (names: readonly string[]): string => names.join(t('export.bulletin.listSep'));
  const clauses = (parts: readonly string[]): string => parts.join(t('export.bulletin.clauseSep'));
  const end = (text: string): string => `${text}${t('export.bulletin.end')}`;
  const pct = (ratio: number): string => percentText(Math.abs(ratio));

  const all = facts.townships;
  const received = all.filter((x) => x.status !== 'missing');
  const missing = all.filter((x) => x.status === 'missing').map((x) => x.township);
  const late = all
    .filter((x) => x.status === 'late' && x.reportDate !== null)
    .map((x) => ({ township: x.township, reportDate: x.reportDate as string }));
  const undated = all.filter((x) => x.status === 'undated').map((x) => x.township);

  const sections: { id: BulletinSectionId; paragraphs: string[] }[] = [];

  // 一、报送情况
  if (all.length > 0) {
    const head =
      missing.length === 0
        ? t('export.bulletin.receivedAll', { received: received.length })
        : received.length === 0
          ? t('export.bulletin.noneReceived', { missing: missing.length, names: list(missing) })
          : t('export.bulletin.received', {
              received: received.length,
              missing: missing.length,
              names: list(missing),
            });
    const parts = [head];
    if (late.length > 0) {
      const items = late
        .map((l) =>
          t('export.bulletin.lateItem', { township: l.township, date: formatMonthDay(lang, l.reportDate) }),
        )
        .join(t('export.bulletin.lateItemSep'));
      parts.push(
        clauses([
          t('export.bulletin.late', { count: late.length, items }),
          t('export.bulletin.dueDate', { date: formatMonthDay(lang, facts.dueDate) }),
        ]),
      );
    }
    if (undated.length > 0)
      parts.push(t('export.bulletin.undated', { count: undated.length, names: list(undated) }));
    sections.push({ id: 'submission', paragraphs: [end(parts.join(t('export.bulletin.partSep')))] });
  }

  // 二、隐患排查整改情况
  const hazards: string[] = [];
  // District hazard totals follow the dashboard's rule (docs/decisions/0005-ledger-and-report-totals.md):
  // a township without a report still counts with its ledger's figures.
  const withFound = all.filter((x) => x.current?.hazardsFound != null);
  const totalFound = sumOf(
    withFound.map((x) => x.current),
    (f) => f.hazardsFound,
  );
  if (totalFound !== null) {
    const head = [t('export.bulletin.hazardsFound', { n: countText(totalFound) })];
    const compare = (other: (x: TownshipFacts) => MonthFigures | null, kind: 'mom' | 'yoy'): void => {
      const matched = withFound.filter((x) => other(x)?.hazardsFound != null);
      if (matched.length === 0) return;
      const cur =
        sumOf(
          matched.map((x) => x.current),
          (f) => f.hazardsFound,
        ) ?? 0;
      const prev = sumOf(matched.map(other), (f) => f.hazardsFound) ?? 0;
      const change = compareValues(cur, prev)?.pct ?? null;
      if (change === null) return; // a relative change from nothing is undefined
      const text =
        cur === prev
          ? t(`export.bulletin.${kind}.flat`)
          : t(`export.bulletin.${kind}.${change > 0 ? 'up' : 'down'}`, { pct: pct(change) });
      const note =
        matched.length < withFound.length ? t('export.bulletin.comparable', { n: matched.length }) : '';
      head.push(`${text}${note}`);
    };
    compare((x) => x.previous, 'mom');
    compare((x) => x.lastYear, 'yoy');
    const pairs = withFound.filter((x) => x.current?.hazardsRectified != null);
    const sumR = sumOf(
      pairs.map((x) => x.current),
      (f) => f.hazardsRectified,
    );
    const sumF = sumOf(
      pairs.map((x) => x.current),
      (f) => f.hazardsFound,
    );
    let sentence = clauses(head);
    const districtRate = sumR !== null && sumF !== null ? pooledRatio(sumR, sumF) : null;
    if (sumR !== null && districtRate !== null) {
      const rect =
        pairs.length === withFound.length
          ? t('export.bulletin.rectified', { n: countText(sumR), pct: percentText(districtRate) })
          : t('export.bulletin.rectifiedOnly', { n: countText(sumR) });
      sentence = `${sentence}${t('export.bulletin.partSep')}${rect}`;
    }
    hazards.push(end(sentence));
  }
  const noFoundFigure = received.filter((x) => x.current?.hazardsFound == null).map((x) => x.township);
  if (noFoundFigure.length > 0 && totalFound !== null)
    hazards.push(
      end(t('export.bulletin.hazardsNotReported', { n: noFoundFigure.length, names: list(noFoundFigure) })),
    );
  const noRectFigure = withFound.filter((x) => x.current?.hazardsRectified == null).map((x) => x.township);
  if (noRectFigure.length > 0)
    hazards.push(
      end(t('export.bulletin.rectifiedNotReported', { n: noRectFigure.length, names: list(noRectFigure) })),
    );

  const rated = received
    .map((x) => ({ township: x.township, rate: rateOf(x.current) }))
    .filter((x): x is { township: string; rate: number } => x.rate !== null);
  if (rated.length >= 2) {
    // Highest and lowest by the ranking's rule: exact values (see competitionRanks).
    const hi = maxOf(rated.map((x) => x.rate));
    const lo = minOf(rated.map((x) => x.rate));
    const named = (v: number) => list(rated.filter((x) => x.rate === v).map((x) => x.township));
    const show = (v: number) => percentText(v);
    hazards.push(
      end(
        hi === lo
          ? t('export.bulletin.rateAllEqual', { pct: show(hi) })
          : t('export.bulletin.rateHighLow', {
              high: named(hi),
              highPct: show(hi),
              low: named(lo),
              lowPct: show(lo),
            }),
      ),
    );
  }
  const zeroFound = received.filter((x) => x.current?.hazardsFound === 0).map((x) => x.township);
  if (zeroFound.length > 0)
    hazards.push(end(t('export.bulletin.zeroFound', { n: zeroFound.length, names: list(zeroFound) })));
  if (hazards.length > 0) sections.push({ id: 'hazards', paragraphs: hazards });

  // 三、安全教育培训情况
  const training: string[] = [];
  const sessions = sumOf(
    received.map((x) => x.current),
    (f) => f.trainingsHeld,
  );
  const people = sumOf(
    received.map((x) => x.current),
    (f) => f.trainingPersonTimes,
  );
  if (sessions !== null) {
    const parts = [t('export.bulletin.trainingSessions', { n: countText(sessions) })];
    if (people !== null) parts.push(t('export.bulletin.trainingPeople', { n: countText(people) }));
    training.push(end(clauses(parts)));
  } else if (people !== null) {
    training.push(end(t('export.bulletin.trainingPeopleOnly', { n: countText(people) })));
  }
  const noTraining = received.filter((x) => x.current?.trainingsHeld === 0).map((x) => x.township);
  if (noTraining.length > 0) training.push(end(t('export.bulletin.noTraining', { names: list(noTraining) })));
  const trainingUnknown = received.filter((x) => x.current?.trainingsHeld == null).map((x) => x.township);
  if (trainingUnknown.length > 0)
    training.push(end(t('export.bulletin.trainingNotReported', { names: list(trainingUnknown) })));
  if (training.length > 0) sections.push({ id: 'training', paragraphs: training });

  // 四、反复出现的问题
  const order = new Map(all.map((x, i) => [x.township, i]));
  const recurring = facts.recurringProblems
    .filter((p) => p.consecutiveMonths >= threshold)
    .map((p, i) => ({ ...p, i }))
    .sort(
      (a, b) =>
        (order.get(a.township) ?? all.length) - (order.get(b.township) ?? all.length) ||
        b.consecutiveMonths - a.consecutiveMonths ||
        a.i - b.i,
    );
  if (recurring.length > 0) {
    // A circular names the longest-running problems; the rest are counted, not listed, so the
    // section stays readable (the 问题 view has the full list).
    const longest = [...recurring]
      .sort((a, b) => b.consecutiveMonths - a.consecutiveMonths || a.i - b.i)
      .slice(0, MAX_RECURRING_LISTED);
    const listed = new Set(longest);
    const items = recurring
      .filter((p) => listed.has(p))
      .map((p) =>
        t('export.bulletin.recurringItem', {
          township: p.township,
          category: p.category,
          months: p.consecutiveMonths,
        }),
      )
      .join(t('export.bulletin.partSep'));
    const more =
      recurring.length > listed.size
        ? t('export.bulletin.recurringMore', { n: recurring.length - listed.size, min: threshold })
        : '';
    const unconfirmed = facts.unconfirmedProblems ?? 0;
    sections.push({
      id: 'problems',
      paragraphs: [
        end(`${t('export.bulletin.recurringIntro', { min: threshold })}${items}${more}`),
        ...(unconfirmed > 0 ? [t('export.bulletin.recurringUnconfirmed', { n: unconfirmed })] : []),
      ],
    });
  } else if ((facts.unconfirmedProblems ?? 0) > 0) {
    // No confirmed recurrence, but unconfirmed statements could make some: say so rather than
    // let the missing section read as "no recurring problems".
    sections.push({
      id: 'problems',
      paragraphs: [
        t('export.bulletin.recurringOnlyUnconfirmed', { min: threshold, n: facts.unconfirmedProblems ?? 0 }),
      ],
    });
  }

  const numbered = sections.map((s, i) => ({
    id: s.id,
    heading: `${sectionNumber(lang, i)}${t(`export.bulletin.section.${s.id}`)}`,
    paragraphs: s.paragraphs,
  }));

  return {
    lang,
    month: facts.month,
    title: t('export.bulletin.title', {
      district: facts.district,
      month: formatPeriod(lang, facts.month, 'text'),
    }),
    issuingOffice: facts.issuingOffice,
    monthLabel: formatPeriod(lang, facts.month, 'text'),
    cutoffLine: t('export.bulletin.cutoff', { date: formatDate(lang, facts.cutoffDate) }),
    sections: numbered,
    ranking: {
      heading: `${sectionNumber(lang, numbered.length)}${t('export.bulletin.section.ranking')}`,
      note: t('export.bulletin.rankingNote'),
      table: rankingTable(all, t),
    },
    missing,
    late,
  };
}

/** The ranking table (see buildBulletinModel for the order). */
function rankingTable(all: readonly TownshipFacts[], t: (key: MessageKey) => string): ChartTable {
  const columns = (
    ['rank', 'township', 'status', 'found', 'rectified', 'rate', 'mom', 'trainings', 'trainees'] as const
  ).map((key) => ({ key, label: t(`export.bulletin.col.${key}`) }));
  const rows = all.map((x) => {
    const rate = rateOf(x.current);
    const prev = x.previous?.hazardsFound ?? null;
    const cur = x.current?.hazardsFound ?? null;
    const pct = compareValues(cur, prev)?.pct ?? null;
    return { x, rate, mom: pct === null ? null : oneDecimal(pct) };
  });
  const { byValueDesc: ranked, rankOf } = competitionRanks(rows, (r) => r.rate);
  const unranked = rows.filter((r) => r.rate === null && r.x.status !== 'missing');
  const missing = rows.filter((r) => r.x.status === 'missing');
  return {
    columns,
    rows: [...ranked, ...unranked, ...missing].map((r): TableCell[] => [
      rankOf.get(r) ?? null,
      r.x.township,
      t(`export.bulletin.status.${r.x.status}`),
      r.x.current?.hazardsFound ?? null,
      r.x.current?.hazardsRectified ?? null,
      r.rate === null ? null : oneDecimal(r.rate),
      r.mom,
      r.x.current?.trainingsHeld ?? null,
      r.x.current?.trainingPersonTimes ?? null,
    ]),
  };
}

/** Column keys of the ranking table whose numbers are percentages shown with one decimal. */
const PERCENT_COLUMNS = new Set(['rate', 'mom']);

/**
 * Display text of a ranking-table cell, shared by the page and the Word file: null → `—` (not
 * reported / not computable, never 0), percentages with one decimal (`100.0`, `-50.0`), other
 * numbers as digits, text unchanged.
 */
export function rankingCellText(columnKey: string, cell: TableCell): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  return PERCENT_COLUMNS.has(columnKey) ? (Math.round(cell * 10) / 10).toFixed(1) : countText(cell);
}
