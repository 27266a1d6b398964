import { formatNumber, formatPercent } from '../i18n/format';
import { useLang, useT } from './i18n-provider';

/** A change against a comparison period; null when not comparable (missing month, base 0 or null). */
export interface KpiDelta {
  /** Relative change, e.g. 0.125 for +12.5%; null when not comparable. */
  readonly ratio: number | null;
  /** For rates: the change in percentage points, shown instead of `ratio` when given. */
  readonly points?: number | null;
}

export interface KpiCardProps {
  readonly label: string;
  /** null = not reported (shown as 未填, never as 0). */
  readonly value: number | null;
  readonly unit?: string | null;
  readonly mom?: KpiDelta | null;
  readonly yoy?: KpiDelta | null;
  /** True when a higher value is good (rectified) rather than bad (accidents); colours the arrow. */
  readonly higherIsBetter?: boolean;
  readonly approx?: boolean;
}

function Delta({
  label,
  delta,
  higherIsBetter,
}: {
  label: string;
  delta: KpiDelta | null | undefined;
  higherIsBetter: boolean;
}) {
  const t = useT();
  const lang = useLang();
  if (delta === undefined) return null;
  const points = delta?.points;
  if (points !== undefined && points !== null && Number.isFinite(points)) {
    const arrow = points > 0 ? '↑' : points < 0 ? '↓' : '→';
    const good = points === 0 ? 'flat' : points > 0 === higherIsBetter ? 'good' : 'bad';
    return (
      <span className={`kpi__delta kpi__delta--${good}`}>
        {label} {arrow} {t('common.percentPoints', { n: Math.abs(points).toFixed(1) })}
      </span>
    );
  }
  const ratio = points === null ? null : (delta?.ratio ?? null);
  if (ratio === null || !Number.isFinite(ratio)) {
    return (
      <span className="kpi__delta kpi__delta--na" title={t('common.notComparable')}>
        {label} —
      </span>
    );
  }
  const arrow = ratio > 0 ? '↑' : ratio < 0 ? '↓' : '→';
  const good = ratio === 0 ? 'flat' : ratio > 0 === higherIsBetter ? 'good' : 'bad';
  return (
    <span className={`kpi__delta kpi__delta--${good}`}>
      {label} {arrow} {formatPercent(lang, Math.abs(ratio))}
    </span>
  );
}

/** One headline number with its unit and month-on-month / year-on-year changes. */
export function KpiCard({
  label,
  value,
  unit,
  mom,
  yoy,
  higherIsBetter = true,
  approx = false,
}: KpiCardProps) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="kpi">
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">
        {value === null ? (
          <span className="badge-null">{t('common.notReported')}</span>
        ) : (
          <>
            <span title={approx ? t('common.approx') : undefined}>
              {formatNumber(lang, value)}
              {approx ? '*' : ''}
            </span>
            {unit ? <span className="kpi__unit">{unit}</span> : null}
          </>
        )}
      </div>
      <div className="kpi__deltas">
        <Delta label={t('dashboard.kpi.mom')} delta={mom} higherIsBetter={higherIsBetter} />
        <Delta label={t('dashboard.kpi.yoy')} delta={yoy} higherIsBetter={higherIsBetter} />
      </div>
    </div>
  );
}
