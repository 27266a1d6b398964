/** Test helper: a {@link ParsedRow} from plain values, for the table-driven rule tests. */
import type { ParsedValue } from './column-parsers';
import type { ParsedRow } from './parsed-row';

export function parsedRow(
  values: Readonly<Record<string, ParsedValue>>,
  extra: {
    failed?: readonly string[];
    approx?: readonly string[];
    headers?: Readonly<Record<string, string>>;
    today?: string;
  } = {},
): ParsedRow {
  return {
    values: new Map(Object.entries(values)),
    failed: new Set(extra.failed ?? []),
    approx: new Set(extra.approx ?? []),
    headers: new Map(Object.entries(extra.headers ?? {})),
    today: extra.today ?? '2024-04-15',
  };
}
