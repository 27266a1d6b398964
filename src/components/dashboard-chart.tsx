/**
 * ChartFrame as the dashboard views use it: the same spec (exported as built) drawn with the
 * on-screen option (no duplicate in-canvas title).
 */
import { useMemo } from 'react';
import { ChartFrame, type ChartFrameProps } from './chart-frame';
import { screenOption } from './screen-option';

/**
 * A dashboard chart: a ChartFrame whose canvas uses screenOption(spec.option) and is redrawn on a
 * filter change only while on screen or near it (ChartFrame `deferOffscreen`).
 */
export function DashboardChart(props: Omit<ChartFrameProps, 'displayOption' | 'deferOffscreen'>) {
  const { spec } = props;
  const displayOption = useMemo(() => screenOption(spec.option, spec.title), [spec]);
  return <ChartFrame {...props} displayOption={displayOption} deferOffscreen />;
}
