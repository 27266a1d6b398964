/**
 * Helpers that turn chart clicks back into data (a township, a township-month) for
 * cross-filtering. Chart labels are cleaned for ECharts (cleanLabel), so names are matched the
 * same way; positions in a matrix are mapped through the lists the matrix was built from.
 */
import type { ChartSpec } from '../charts/chart-spec';
import { cleanLabel } from '../charts/chart-common';
import type { Period } from '../domain/month';

/**
 * The spec with `triggerEvent: true` on an axis, so a click on its labels (a township name on a
 * heatmap's y axis) reaches ChartFrame's onAxisLabelClick. Options without that axis, or with an
 * axis array, are returned unchanged.
 */
export function withAxisLabelClicks(spec: ChartSpec, axis: 'xAxis' | 'yAxis'): ChartSpec {
  const option = spec.option as Record<string, unknown>;
  const current = option[axis];
  if (spec.empty || current === null || typeof current !== 'object' || Array.isArray(current)) return spec;
  return { ...spec, option: { ...option, [axis]: { ...current, triggerEvent: true } } };
}

/** The township a chart label stands for (labels are cleaned names), or null when none matches. */
export function townshipFromLabel(label: string, townships: readonly string[]): string | null {
  return townships.find((t) => t === label) ?? townships.find((t) => cleanLabel(t) === label) ?? null;
}

/**
 * The township-month of a clicked matrix item whose value is `[x, y, ...]` (x = month index,
 * y = township index), or null when the value is not such a pair or out of range.
 */
export function cellFromMatrixValue(
  value: unknown,
  townships: readonly string[],
  periods: readonly Period[],
): { township: string; period: Period } | null {
  if (!Array.isArray(value)) return null;
  const [x, y] = value as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  const township = townships[y];
  const period = periods[x];
  return township !== undefined && period !== undefined ? { township, period } : null;
}
