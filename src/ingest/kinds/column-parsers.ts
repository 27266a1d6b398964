/**
 * Column parsers: one pure function per table column, `cell text → value | error`, chosen once
 * from the column's field kind (docs/architecture.md, "Where a rule lives"). A parser depends only
 * on the cell text and on what is fixed for the whole file (today, the township master list, the
 * header unit, the length cap), so the same text always gives the same result: a caller may cache
 * results per distinct value of a column, and nothing here builds an object per cell beyond the
 * result. Cross-field rules run afterwards on the parsed values (parsed-row.ts and the kind
 * modules township-month.ts, hazard.ts, problem.ts).
 */
import type { FieldDef } from '../../domain/fields';
import type { Township } from '../../domain/records';
import type { SectorCode } from '../../domain/sectors';
import { CELL_NULL, cellError, cellValue, type CellResult } from '../cells/cell-result';
import { parseDate } from '../cells/parse-date';
import {
  parseCategoryCode,
  parseHazardLevel,
  parseHazardStatus,
  parsePeriodScope,
  parseSector,
  parseSectorList,
} from '../cells/parse-enums';
import { parseMonth, type ParsedMonth } from '../cells/parse-month';
import { parseCount, parseMoney, parseRate } from '../cells/parse-number';
import { parseText } from '../cells/parse-text';
import { matchTownship } from '../township-match';

/** A parsed cell value: text, number, month with scope, or a sector list. */
export type ParsedValue = string | number | ParsedMonth | readonly SectorCode[];

/** Reads one cell of a column. Pure: equal text gives an equal result. */
export type ColumnParser = (raw: string) => CellResult<ParsedValue>;

/** What every parser of one file shares. */
export interface ParserContext {
  readonly today: string;
  readonly knownTownships: readonly Township[];
  readonly maxFieldChars: number;
}

/**
 * The township cell: a blank cell is "not reported" (the row's required rule reports it); a name
 * on the master list becomes the canonical name; with an empty master list any well-formed name is
 * accepted as normalised; otherwise an error, with the closest known name when there is one.
 */
export function townshipParser(knownTownships: readonly Township[]): ColumnParser {
  return (raw) => {
    if (raw.trim() === '') return CELL_NULL;
    const m = matchTownship(raw, knownTownships);
    if (m.kind === 'match') return cellValue(m.name);
    if (m.kind === 'invalid') return cellError(m.code, { ...m.params });
    if (knownTownships.length === 0) return cellValue(m.normalised);
    if (m.suggestion) return cellError('ingest.township_unknown', { suggestion: m.suggestion });
    return cellError('ingest.township_unknown_no_suggestion');
  };
}

/** The grammar of a field kind, with the options fixed for the column. */
function grammarOf(def: FieldDef, unit: string | null, ctx: ParserContext): ColumnParser {
  switch (def.kind) {
    case 'township':
      return townshipParser(ctx.knownTownships);
    case 'period':
      return (raw) => parseMonth(raw, { today: ctx.today });
    case 'period_scope':
      return parsePeriodScope;
    case 'date': {
      // A hazard's 整改期限 lies ahead of the day it is recorded; every other date is a fact.
      const options = { today: ctx.today, allowFuture: def.name === 'deadline' };
      return (raw) => parseDate(raw, options);
    }
    case 'count': {
      const options = { units: def.units };
      return (raw) => parseCount(raw, options);
    }
    case 'money': {
      const options = { headerUnit: unit };
      return (raw) => parseMoney(raw, options);
    }
    case 'rate_check':
      return parseRate;
    // An unknown sector word is kept as 其他 with a warning, never a rejection
    // (docs/decisions/0005-ledger-and-report-totals.md); the warning is `cellWarning` below.
    case 'sectors':
      return (raw) => parseSectorList(raw, { unknown: 'other' });
    case 'sector':
      return (raw) => parseSector(raw, { unknown: 'other' });
    case 'hazard_level':
      return parseHazardLevel;
    case 'hazard_status':
      return parseHazardStatus;
    case 'category':
      return parseCategoryCode;
    case 'text': {
      const options = { maxChars: ctx.maxFieldChars };
      return (raw) => parseText(raw, options);
    }
  }
}

/**
 * The parser of one column: a cell longer than the file's cap is an error before any grammar
 * runs (so a hostile megabyte cell is never scanned), then the field kind's grammar.
 */
export function columnParser(def: FieldDef, unit: string | null, ctx: ParserContext): ColumnParser {
  const grammar = grammarOf(def, unit, ctx);
  const max = ctx.maxFieldChars;
  return (raw) =>
    raw.length > max ? cellError('ingest.field_too_long', { length: raw.length, max }) : grammar(raw);
}

/** The warning a kept cell value carries: an unknown sector word read as 其他. */
export function cellWarning(result: CellResult<ParsedValue>): 'ingest.sector_unknown_as_other' | null {
  return result.kind === 'value' && result.notes.includes('sector_unknown_as_other')
    ? 'ingest.sector_unknown_as_other'
    : null;
}
