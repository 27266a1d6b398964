/**
 * The as-written ledger tally (analysis/hazard-tally.ts) of a reload's hazard blocks, counted on
 * their dictionary codes instead of their decoded records: the cube's tally joins five text
 * fields into a key for every one of a million records on each reload of a city's ledger, most
 * of a second (issue 13, reload of a 1M ledger). Here each block's dictionary entries are given
 * a number once, and a record's cell is found from its five codes: in arrays over every
 * combination of the numbers when the blocks are all dictionaries and the combinations are few
 * enough (a district's ledger: denseTally), else in a map keyed by one number made of the five.
 *
 * The result is exactly tallyHazardLedger(records, null) on the blocks' records joined in the
 * given order: the same rows in the same first-seen order. A block whose columns are not all
 * dictionaries (a small block of mostly distinct values) is counted from its records; anything
 * the numbering cannot hold (a missing field, more distinct values than its bits) gives null,
 * and the caller tallies the records as before.
 */
import { countsAsRectified, type HazardTallyRow } from '../analysis/hazard-tally';
import type { CodeArray, Column } from '../domain/columns';
import type { HazardRecord, HazardStatus } from '../domain/records';
import { runsInOrder } from './derive';
import type { BlockRow, DerivableRecords } from './record-blocks';

type DictColumn = Extract<Column, { type: 'dict' }>;

/** The tally's text fields, in key order, and the bits each gets of a cell number (53 in all). */
const FIELDS = ['township', 'period', 'sector', 'level', 'file'] as const;
const BITS = [20, 12, 6, 3, 12] as const;
const LIMITS = BITS.map((b) => 2 ** b);

const dictOf = (columns: readonly Column[], key: string): DictColumn | null => {
  const c = columns.find((x) => x.key === key);
  return c?.type === 'dict' ? c : null;
};

interface Cell {
  readonly ids: readonly number[];
  found: number;
  rectified: number;
}

/** One block and its decoded records, in the order the dataset holds them. */
export interface TallyPart {
  readonly block: BlockRow;
  readonly records: readonly HazardRecord[];
}

/** Records counted between two pauses: a million in one task was a second-long freeze. */
const SLICE = 50_000;

/**
 * Numbers for the tally's field values, per field in first-seen order, and their names back:
 * -1 for a value that is not text or beyond its field's bits.
 */
function fieldNumbering(): {
  readonly names: string[][];
  readonly numberOf: (field: number, value: unknown) => number;
} {
  const numbering = FIELDS.map(() => new Map<string, number>());
  const names: string[][] = FIELDS.map(() => []);
  const numberOf = (field: number, value: unknown): number => {
    if (typeof value !== 'string') return -1;
    const m = numbering[field]!;
    let n = m.get(value);
    if (n === undefined) {
      n = m.size;
      if (n >= LIMITS[field]!) return -1;
      m.set(value, n);
      names[field]!.push(value);
    }
    return n;
  };
  return { names, numberOf };
}

/**
 * The most cells the dense count holds: every combination of the ledger's townships, periods,
 * sectors, levels and files (a district of 120 townships over 36 months: 86,400 × its files).
 * Two Int32Arrays of this length, 32 MB at the limit, for the length of a reload; a ledger with
 * more combinations is counted through the cell map.
 */
const DENSE_CELLS = 1 << 22;

/**
 * The tally counted into arrays indexed by the combination of the five numbers, when every part
 * is a block of dictionaries and the combinations fit DENSE_CELLS; undefined when not (the cell
 * map counts it), null when a value cannot be numbered (as ledgerTallyOfBlocks). A million
 * lookups in a map of tens of thousands of cells, one per record, took most of the half second a
 * 1M reload spent on its tally: each lookup lands somewhere else in memory. An array of a
 * district's combinations stays in the processor's cache.
 */
async function denseTally(
  parts: readonly TallyPart[],
  pause: () => Promise<void>,
  maxCells: number,
): Promise<HazardTallyRow[] | null | undefined> {
  const coded = parts.map((p) => codesOf(p.block));
  if (coded.some((c) => c === null)) return undefined;
  const blocks = coded as NonNullable<ReturnType<typeof codesOf>>[];
  const { names, numberOf } = fieldNumbering();
  // Every block's dictionary entries numbered first, so the combinations' extent is known.
  const locals: number[][][] = [];
  for (const b of blocks) {
    const local = b.fields.map((col, f) => col.dict.map((v) => numberOf(f, v)));
    if (local.some((l) => l.some((n) => n < 0))) return null;
    locals.push(local);
  }
  const [, P, S, L, F] = names.map((n) => Math.max(1, n.length)) as [number, number, number, number, number];
  const cells = Math.max(1, names[0]!.length) * P * S * L * F;
  if (cells > maxCells) return undefined;
  const found = new Int32Array(cells);
  const rectified = new Int32Array(cells);
  // Cells in the order first met: the tally's row order.
  const seen: number[] = [];
  let sincePause = 0;
  for (let p = 0; p < blocks.length; p++) {
    const { count } = parts[p]!.block;
    if (sincePause >= SLICE) {
      await pause();
      sincePause = 0;
    }
    sincePause += count;
    const { fields, status, sourcePresent } = blocks[p]!;
    const [l0, l1, l2, l3, l4] = locals[p]! as [number[], number[], number[], number[], number[]];
    // A block code's share of the cell index, per field; sector, level and file together.
    const townshipAt = Int32Array.from(l0, (n) => n * P * S * L * F);
    const periodAt = Int32Array.from(l1, (n) => n * S * L * F);
    const s3 = l3.length;
    const s4 = l4.length;
    const restAt = new Int32Array(l2.length * s3 * s4);
    for (let c = 0; c < l2.length; c++)
      for (let d = 0; d < s3; d++)
        for (let e = 0; e < s4; e++) restAt[(c * s3 + d) * s4 + e] = (l2[c]! * L + l3[d]!) * F + l4[e]!;
    const isRectified = Uint8Array.from(status.dict, (s) =>
      typeof s === 'string' && countsAsRectified(s as HazardStatus) ? 1 : 0,
    );
    const [c0, c1, c2, c3, c4] = fields.map((col) => col.codes) as [
      CodeArray,
      CodeArray,
      CodeArray,
      CodeArray,
      CodeArray,
    ];
    const st = status.codes;
    for (let i = 0; i < count; i++) {
      const a = c0[i]!;
      const b = c1[i]!;
      const c = c2[i]!;
      const d = c3[i]!;
      const e = c4[i]!;
      if (sourcePresent[i] === 0 || a < 0 || b < 0 || c < 0 || d < 0 || e < 0) return null;
      const cell = townshipAt[a]! + periodAt[b]! + restAt[(c * s3 + d) * s4 + e]!;
      if (found[cell] === 0) seen.push(cell);
      found[cell]!++;
      const s = st[i]!;
      if (s >= 0 && isRectified[s] === 1) rectified[cell]!++;
    }
  }
  return seen.map((cell) => {
    const f = cell % F;
    const l = Math.floor(cell / F) % L;
    const s = Math.floor(cell / (F * L)) % S;
    const p = Math.floor(cell / (F * L * S)) % P;
    const t = Math.floor(cell / (F * L * S * P));
    return {
      township: names[0]![t]!,
      period: names[1]![p]!,
      sector: names[2]![s]! as HazardTallyRow['sector'],
      level: names[3]![l]! as HazardTallyRow['level'],
      found: found[cell]!,
      rectified: rectified[cell]!,
      overdue: null,
      file: names[4]![f]!,
    };
  });
}

/**
 * The as-written tally of the parts' records joined in order, or null (see the module doc).
 * `pause` is awaited every SLICE records or so, so the page stays responsive. `denseCells`
 * (tests) lowers DENSE_CELLS.
 */
export async function ledgerTallyOfBlocks(
  parts: readonly TallyPart[],
  pause: () => Promise<void> = () => Promise.resolve(),
  denseCells: number = DENSE_CELLS,
): Promise<HazardTallyRow[] | null> {
  const dense = await denseTally(parts, pause, denseCells);
  if (dense !== undefined) return dense;
  const { names, numberOf } = fieldNumbering();
  const cells = new Map<number, Cell>();
  const count = (ids: readonly number[], rectified: boolean): void => {
    let k = 0;
    for (let f = 0; f < ids.length; f++) k = k * LIMITS[f]! + ids[f]!;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { ids: [...ids], found: 0, rectified: 0 }));
    c.found++;
    if (rectified) c.rectified++;
  };
  const ids = [0, 0, 0, 0, 0];
  let sincePause = 0;
  for (const { block, records } of parts) {
    if (sincePause >= SLICE) {
      await pause();
      sincePause = 0;
    }
    sincePause += block.count;
    const codes = codesOf(block);
    if (codes === null) {
      for (const h of records) {
        const values = [h.township, h.period, h.sector, h.level, h.source?.file];
        for (let f = 0; f < values.length; f++) if ((ids[f] = numberOf(f, values[f])) < 0) return null;
        count(ids, countsAsRectified(h.status));
      }
      continue;
    }
    // Block code → number, per field; and whether each status code counts as rectified.
    const local = codes.fields.map((col, f) => col.dict.map((v) => numberOf(f, v)));
    if (local.some((l) => l.some((n) => n < 0))) return null;
    const rectified = codes.status.dict.map(
      (s) => typeof s === 'string' && countsAsRectified(s as HazardStatus),
    );
    for (let i = 0; i < block.count; i++) {
      if (codes.sourcePresent[i] === 0) return null;
      for (let f = 0; f < 5; f++) {
        const code = codes.fields[f]!.codes[i]!;
        if (code < 0) return null;
        ids[f] = local[f]![code]!;
      }
      const st = codes.status.codes[i]!;
      count(ids, st >= 0 && rectified[st]!);
    }
  }
  return [...cells.values()].map((c) => ({
    township: names[0]![c.ids[0]!]!,
    period: names[1]![c.ids[1]!]!,
    sector: names[2]![c.ids[2]!]! as HazardTallyRow['sector'],
    level: names[3]![c.ids[3]!]! as HazardTallyRow['level'],
    found: c.found,
    rectified: c.rectified,
    overdue: null,
    file: names[4]![c.ids[4]!]!,
  }));
}

/** The block's five fields and status as dictionary columns, or null when one is not. */
function codesOf(block: BlockRow): {
  fields: DictColumn[];
  status: DictColumn;
  sourcePresent: Uint8Array;
} | null {
  const source = block.columns.find((c) => c.key === 'source');
  if (source?.type !== 'obj') return null;
  const fields = FIELDS.map((f) =>
    f === 'file' ? dictOf(source.columns, 'file') : dictOf(block.columns, f),
  );
  const status = dictOf(block.columns, 'status');
  if (status === null || fields.some((c) => c === null)) return null;
  return { fields: fields as DictColumn[], status, sourcePresent: source.present };
}

/**
 * The as-written ledger tally of the dataset deriveDataset gives on `stored`, joined from its
 * blocks' tallies, when its hazards are exactly those blocks' records joined in order (no hazard
 * stored as a row, blocks in commit order); null otherwise (the caller tallies the records).
 */
export async function ledgerTallyOfRuns(
  stored: DerivableRecords,
  pause: () => Promise<void>,
): Promise<HazardTallyRow[] | null> {
  if (stored.rows.some((r) => r.kind === 'hazard')) return null;
  const runs = runsInOrder(stored.runs.filter((r) => r.kind === 'hazard' && r.records.length > 0));
  if (!runs || runs.some((r) => r.block === undefined)) return null;
  return ledgerTallyOfBlocks(
    runs.map((r) => ({ block: r.block!, records: r.records as HazardRecord[] })),
    pause,
  );
}
