import { describe, expect, it } from 'vitest';
import type { Township } from '../domain/records';
import { ingestBytes } from './ingest-file';
import { applyTownshipDecisions, collectUnknownTownships, type TownshipDecision } from './township-decisions';

const KNOWN: Township[] = [
  { name: '东关街道', type: 'jiedao', code: '419901001', aliases: ['东关办事处'] },
  { name: '城关镇', type: 'zhen', code: '419901101', aliases: [] },
  { name: '柳河镇', type: 'zhen', code: null, aliases: [] },
  { name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] },
];

// A month's submissions collected into one sheet, with a typo (城光镇), a township the list does
// not have yet (新城镇, twice) and names that look like object keys.
const CSV = [
  '乡镇（街道）,月份,排查隐患（处）,已整改（处）',
  '东关街道,2024年3月,6,5',
  '城光镇,2024年3月,4,4',
  '新城镇,2024年3月,2,1',
  '小召乡,2024年3月,3,3',
  '新城镇人民政府,2024年2月,1,1',
  'constructor,2024年3月,1,1',
  '__proto__,2024年3月,1,0',
].join('\n');

const ingest = (known: readonly Township[]) =>
  ingestBytes(new TextEncoder().encode(CSV), {
    fileName: '3月汇总.csv',
    knownTownships: known,
    today: '2024-04-10',
  });

describe('collectUnknownTownships', () => {
  it('lists each unknown name once, with its records, lines and the closest known name', () => {
    const r = ingest(KNOWN);
    expect(r.counts).toEqual({ total: 8, accepted: 2, rejected: 5, ignored: 1 });
    expect(collectUnknownTownships(r)).toEqual([
      { name: '城光镇', spellings: ['城光镇'], records: 1, lines: [3], suggestion: '城关镇' },
      {
        name: '新城镇',
        spellings: ['新城镇', '新城镇人民政府'],
        records: 2,
        lines: [4, 6],
        suggestion: null,
      },
      { name: 'constructor', spellings: ['constructor'], records: 1, lines: [7], suggestion: null },
      { name: '__proto__', spellings: ['__proto__'], records: 1, lines: [8], suggestion: null },
    ]);
  });

  it('is empty when every name is known', () => {
    expect(
      collectUnknownTownships(
        ingest([
          ...KNOWN,
          ...['新城镇', '城光镇', 'constructor', '__proto__'].map((name) => ({
            name,
            type: 'other' as const,
            code: null,
            aliases: [],
          })),
        ]),
      ),
    ).toEqual([]);
  });
});

describe('applyTownshipDecisions + a second ingest', () => {
  it('maps, adds and rejects per name, and the counts still add up', () => {
    const first = ingest(KNOWN);
    const unknown = collectUnknownTownships(first);
    const decisions = new Map<string, TownshipDecision>([
      ['城光镇', { kind: 'map', to: '城关镇' }],
      ['新城镇', { kind: 'new' }],
      ['constructor', { kind: 'reject' }],
      // __proto__: no decision → rejected like 'reject'
    ]);
    const applied = applyTownshipDecisions(KNOWN, unknown, decisions);
    expect(applied.added).toEqual([{ name: '新城镇', type: 'zhen', code: null, aliases: [] }]);
    expect(applied.townships.find((t) => t.name === '城关镇')?.aliases).toEqual(['城光镇']);
    // The saved list is not touched.
    expect(KNOWN[1]?.aliases).toEqual([]);

    const second = ingest(applied.townships);
    expect(second.counts).toEqual({ total: 8, accepted: 5, rejected: 2, ignored: 1 });
    expect(second.townshipMonths.map((r) => [r.township, r.source.line])).toEqual([
      ['东关街道', 2],
      ['城关镇', 3],
      ['新城镇', 4],
      ['小召乡', 5],
      ['新城镇', 6],
    ]);
    // The rejected names keep their reason and line.
    expect(second.rejectedRows.map((r) => [r.line, r.reasons[0]?.code])).toEqual([
      [7, 'ingest.township_unknown_no_suggestion'],
      [8, 'ingest.township_unknown_no_suggestion'],
    ]);
  });

  it('treats a map to a township that is not in the list as a rejection', () => {
    const unknown = collectUnknownTownships(ingest(KNOWN));
    const applied = applyTownshipDecisions(
      KNOWN,
      unknown,
      new Map([['城光镇', { kind: 'map', to: '不存在镇' }]]),
    );
    expect(applied.townships).toEqual(KNOWN);
  });
});
