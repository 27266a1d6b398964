/**
 * The as-written ledger tally (analysis/hazard-tally.ts) of one block of hazards, counted on the
 * block's dictionary codes instead of its decoded records: a reload of a city's ledger tallied a
 * million records through a joined text key each, most of a second (issue 13, reload of a 1M
 * ledger). A block whose columns are not all dictionaries (a small block of mostly distinct
 * values, a record without one of the fields) is tallied from its records by the same function
 * the cube uses, so the result is always the one tallyHazardLedger gives on the same records.
 */
import { countsAsRectified, tallyHazardLedger, type HazardTallyRow } from '../analysis/hazard-tally';
import type { HazardRecord, HazardStatus } from '../domain/records';
import type { BlockColumn, BlockRow } from './record-blocks';

type DictColumn = Extract<BlockColumn, { type: 'dict' }>;

const dictOf = (columns: readonly BlockColumn[], key: string): DictColumn | null => {
  const c = columns.find((x) => x.key === key);
  return c?.type === 'dict' && !c.dict.includes(null) ? c : null;
};

/** The tally from the codes, or null when the block's columns do not allow it. */
function tallyOfCodes(block: BlockRow): HazardTallyRow[] | null {
  const cols = block.columns;
  const source = cols.find((c) => c.key === 'source');
  if (source?.type !== 'obj') return null;
  const parts = [
    dictOf(cols, 'township'),
    dictOf(cols, 'period'),
    dictOf(cols, 'sector'),
    dictOf(cols, 'level'),
    dictOf(source.columns, 'file'),
  ];
  const status = dictOf(cols, 'status');
  if (status === null || parts.some((p) => p === null)) return null;
  const [township, period, sector, level, file] = parts as DictColumn[];
  const sizes = parts.map((p) => p!.dict.length);
  // One number per cell: the codes in mixed radix, exact while the product fits a double.
  if (sizes.reduce((a, b) => a * b, 1) > Number.MAX_SAFE_INTEGER) return null;
  const [, nP, nS, nL, nF] = sizes as [number, number, number, number, number];
  const rectified = status.dict.map((s) => countsAsRectified(s as HazardStatus));
  const cells = new Map<number, { row: HazardTallyRow; found: number; rectified: number }>();
  for (let i = 0; i < block.count; i++) {
    const t = township!.codes[i]!;
    const p = period!.codes[i]!;
    const s = sector!.codes[i]!;
    const l = level!.codes[i]!;
    const f = file!.codes[i]!;
    const st = status.codes[i]!;
    // An absent field (code -1) or source: the records say what the tally of them is.
    if (t < 0 || p < 0 || s < 0 || l < 0 || f < 0 || st < 0 || source.present[i] === 0) return null;
    const k = (((t * nP + p) * nS + s) * nL + l) * nF + f;
    let c = cells.get(k);
    if (!c) {
      const row = {
        township: township!.dict[t]!,
        period: period!.dict[p]!,
        sector: sector!.dict[s]!,
        level: level!.dict[l]!,
        found: 0,
        rectified: 0,
        overdue: null,
        file: file!.dict[f]!,
      } as HazardTallyRow;
      cells.set(k, (c = { row, found: 0, rectified: 0 }));
    }
    c.found++;
    if (rectified[st]) c.rectified++;
  }
  return [...cells.values()].map((c) => ({
    ...c.row,
    found: c.found,
    rectified: c.rectified,
    overdue: null,
  }));
}

/**
 * The as-written tally (names as in the file, every month, no as-of date) of a hazard block, in
 * first-seen order; `records` are the block's decoded records, used when the codes cannot be.
 */
export function blockLedgerTally(block: BlockRow, records: readonly HazardRecord[]): HazardTallyRow[] {
  return tallyOfCodes(block) ?? tallyHazardLedger(records, null);
}
