/** The shape every record kind's rules share (see township-month.ts, hazard.ts, problem.ts). */
import type { RecordFlag, SourceRef } from '../../domain/records';
import type { ParsedRow, RowCheck } from './parsed-row';

export interface KindRules<R> {
  /** Row checks in the order their findings are reported (required fields first). */
  readonly checks: readonly RowCheck[];
  /** The record of a row no check rejected; null when a value it cannot do without is missing. */
  readonly build: (row: ParsedRow, flags: readonly RecordFlag[], source: SourceRef) => R | null;
}
