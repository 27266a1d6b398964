/** The month rule shared by township-month and problem rows. */
import { periodIndex } from '../../domain/month';
import { error, monthOf, type RowCheck } from './parsed-row';

/** A month after the current one is an error (a report cannot describe a month not yet lived). */
export const futurePeriod: RowCheck = (row) => {
  const month = monthOf(row);
  const current = row.today.slice(0, 7);
  return month && periodIndex(month.period) > periodIndex(current)
    ? error('ingest.future_period', 'period', { period: month.period, today: current })
    : null;
};
