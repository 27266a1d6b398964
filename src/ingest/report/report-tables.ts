/**
 * Small statistics tables inside a report: a header row of field names (检查单位（家次）, 排查隐患（处）…)
 * with one data row or a 本月 row (a 累计 row is not this month), or the transposed form (fields
 * down the first column, 本月 / 1-10月累计 across). Headers go through the field registry
 * (`matchHeader`), cells through the count and money grammars.
 */
import { matchHeader } from '../map-headers';
import { parseCount, parseMoney } from '../cells/parse-number';
import { foldWidth } from '../cells/text-numbers';
import { REPORT_COUNT_FIELDS, type ReportCountField } from './count-rules';

export interface TableValue {
  readonly field: ReportCountField;
  readonly value: number;
  readonly approx: boolean;
  /** `header = cell`, the evidence phrase. */
  readonly phrase: string;
}

/** A number in a table that is not a field value (累计 column/row, unmapped header). */
export interface TableOther {
  readonly phrase: string;
  readonly value: number;
  readonly unit: string | null;
  readonly reason: 'not_this_month' | 'no_field';
}

const REPORT_FIELDS: ReadonlySet<string> = new Set(REPORT_COUNT_FIELDS);
const YTD_LABEL =
  /累计|全年|[0-9一二三四五六七八九十]{1,2}\s*[-—–~～至]\s*[0-9一二三四五六七八九十]{1,2}\s*月|同比|上月|去年|上年/u;
const LABEL_HEADER = /^(?:项目|指标|类别|内容|名称|统计项目|时间|月份|期间)$/u;

const norm = (s: string): string => foldWidth(s).replace(/\s+/gu, '');

/** True when a row/column label names this month: 本月, 当月, 5月, 5月份, 2024年5月. */
function isThisMonth(label: string, month: number | null): boolean {
  const c = norm(label);
  if (YTD_LABEL.test(c)) return false;
  if (/^(?:本月|当月|本期|本月数|当月数|本月情况|本月完成|数量|本月数量)$/u.test(c)) return true;
  const m = /^(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月份?$/u.exec(c);
  if (!m || month === null) return false;
  const n = /^\d+$/u.test(m[1] ?? '') ? Number(m[1]) : '一二三四五六七八九十'.indexOf(m[1] ?? '') + 1;
  return n === month;
}

interface Mapped {
  readonly field: string | null;
  readonly unit: string | null;
  readonly kind: string | null;
  readonly units: readonly string[];
}

function mapHeader(h: string): Mapped {
  const m = matchHeader(h, 'township_month');
  if (m.kind !== 'field') return { field: null, unit: null, kind: null, units: [] };
  return { field: m.def.name, unit: m.unit, kind: m.def.kind, units: m.def.units };
}

function readCell(cell: string, map: Mapped): { value: number; approx: boolean } | null {
  if (map.kind === 'money') {
    const r = parseMoney(cell, { headerUnit: map.unit });
    return r.kind === 'value' ? { value: r.value, approx: r.notes.includes('approx') } : null;
  }
  if (map.kind === 'count') {
    const r = parseCount(cell, { units: map.units });
    return r.kind === 'value' ? { value: r.value, approx: r.notes.includes('approx') } : null;
  }
  return null;
}

/** Reads one table. `month` is the report's month number when known (for a `5月` row). */
export function readStatsTable(
  rows: readonly (readonly string[])[],
  month: number | null,
): { values: TableValue[]; others: TableOther[] } {
  const values: TableValue[] = [];
  const others: TableOther[] = [];
  if (rows.length < 2) return { values, others };
  const header = rows[0] ?? [];
  const headerMaps = header.map(mapHeader);
  const isNumeric = (m: Mapped) => m.kind === 'count' || m.kind === 'money';
  const mappedAcross = headerMaps.filter(isNumeric).length;
  const firstCol = rows.slice(1).map((r) => r[0] ?? '');
  const colMaps = firstCol.map(mapHeader);
  const mappedDown = colMaps.filter(isNumeric).length;

  const take = (headerText: string, map: Mapped, cell: string, ytd: boolean) => {
    if (norm(cell) === '') return;
    const read = readCell(cell, map);
    if (read === null) return;
    const phrase = `${headerText.trim()} = ${cell.trim()}`;
    if (ytd) others.push({ phrase, value: read.value, unit: map.unit, reason: 'not_this_month' });
    else if (map.field !== null && REPORT_FIELDS.has(map.field)) {
      values.push({ field: map.field as ReportCountField, value: read.value, approx: read.approx, phrase });
    } else others.push({ phrase, value: read.value, unit: map.unit, reason: 'no_field' });
  };

  if (mappedAcross >= 1 && mappedAcross >= mappedDown) {
    // Fields across. A label column (项目 / first cell not a number) names each row.
    const labelled =
      LABEL_HEADER.test(norm(header[0] ?? '')) ||
      !isNumeric(headerMaps[0] ?? { field: null, unit: null, kind: null, units: [] });
    const dataRows = rows.slice(1);
    let monthRows = labelled ? dataRows.filter((r) => isThisMonth(r[0] ?? '', month)) : dataRows;
    // One data row named otherwise (the township's name) is the month's row unless it says 累计.
    const only = dataRows[0];
    if (
      labelled &&
      monthRows.length === 0 &&
      dataRows.length === 1 &&
      only &&
      !YTD_LABEL.test(norm(only[0] ?? ''))
    ) {
      monthRows = [only];
    }
    const single = !labelled && dataRows.length === 1;
    for (const r of dataRows) {
      const isMonth = monthRows.includes(r) && (labelled ? monthRows.length === 1 : single);
      header.forEach((h, j) => {
        const map = headerMaps[j];
        if (!map || map.field === null || (labelled && j === 0)) return;
        take(labelled ? `${r[0] ?? ''} ${h}` : h, map, r[j] ?? '', !isMonth);
      });
    }
    return { values, others };
  }
  if (mappedDown >= 1) {
    // Fields down the first column; pick the 本月 column.
    const monthCols = header.map((h, j) => (j > 0 && isThisMonth(h, month) ? j : -1)).filter((j) => j > 0);
    const onlyOne = header.length === 2;
    rows.slice(1).forEach((r, i) => {
      const map = colMaps[i];
      if (!map || map.field === null) return;
      for (let j = 1; j < r.length; j++) {
        const isMonth = monthCols.length === 1 ? monthCols[0] === j : onlyOne;
        take(`${r[0] ?? ''} ${header[j] ?? ''}`.trim(), map, r[j] ?? '', !isMonth);
      }
    });
  }
  return { values, others };
}
