/**
 * The speed work on the table ingest (per-column value caches, char-code scans, no per-cell
 * objects: docs/architecture.md, "Where a rule lives") must change nothing a user sees. A generated
 * hazard ledger with every kind of odd cell planted (scripts/sample/ledger.ts: impossible and
 * future dates, full-width digits, Excel serials and `="…"`, unknown sectors, levels and statuses,
 * blank required cells, control characters, short and long rows, repeated header, totals, blank
 * and footer rows, multi-line quoted cells, an over-long cell) is ingested with an open and with a
 * master township list, and everything that comes out — counts, every issue with its location and
 * parameters, ignored and rejected rows, every record — is compared with a snapshot written by the
 * code before that work. The same text as GB18030 must give the same result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../scripts/sample/gb18030';
import { LEDGER_TODAY, ledgerCsv } from '../../scripts/sample/ledger';
import type { Township } from '../../src/domain/records';
import { ingestAnyBytes } from '../../src/ingest/ingest-any-file';
import type { FileIngestResult } from '../../src/ingest/types';
import { resultLines, stable } from './result-lines';

const MASTER = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cli', 'townships.json'), 'utf8'),
) as Township[];

/** One line per issue, record and set-aside row: small enough to read in a diff. */
const view = (r: FileIngestResult) => ({
  ...resultLines(r),
  // Values in sorted-key order (the keys are the same for every record).
  hazards: r.hazards.map((h) => JSON.stringify(Object.values(stable(h) as object))),
});

const CSV = ledgerCsv(900, { seed: 99, townships: 14, plantEvery: 4 });
// Most of these townships are not on the master list: a shorter file keeps the snapshot small.
const MASTER_CSV = ledgerCsv(240, { seed: 5, townships: 14, plantEvery: 4 });
const ingest = (bytes: Uint8Array, knownTownships: readonly Township[]) =>
  ingestAnyBytes(bytes, { fileName: 'ledger.csv', today: LEDGER_TODAY, knownTownships });

describe('hazard ledger ingest equivalence (generated ledger, every odd cell)', () => {
  const utf8 = new TextEncoder().encode(`\uFEFF${CSV}`);
  const open = ingest(utf8, []);
  const master = ingest(new TextEncoder().encode(MASTER_CSV), MASTER);

  it('plants every kind of odd row (the snapshot covers each path)', () => {
    const codes = new Set([...open.issues, ...master.issues].map((i) => i.code));
    for (const code of [
      'cells.date.impossible',
      'cells.date.future',
      'cells.level.unknown',
      'cells.status.unknown',
      'cells.control_chars',
      'ingest.field_too_long',
      'ingest.missing_required',
      'ingest.rectified_before_found',
      'ingest.open_with_rectified_date',
      'ingest.rectified_without_date',
      'ingest.sector_unknown_as_other',
      'ingest.row_too_few_fields',
      'ingest.row_too_many_fields',
      'ingest.repeated_header_note',
      'ingest.note_excel_serial',
      'ingest.township_unknown',
      'ingest.township_unknown_no_suggestion',
    ])
      expect(codes).toContain(code);
    expect(new Set(open.ignored.map((i) => i.reason))).toEqual(
      new Set(['title', 'header', 'repeated_header', 'blank', 'totals', 'footer_note']),
    );
  });

  it('gives the same records, issues, ignored and rejected rows as before the speed work', async () => {
    const out = { open: view(open), master: view(master) };
    await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot(
      './__golden__/ledger-equivalence.golden.json',
    );
  });

  it('reads the same ledger saved as GB18030 to the same result', () => {
    const gb = ingest(encodeGb18030(CSV), []);
    expect(gb.encoding).toBe('gb18030');
    expect(view(gb)).toEqual(view(open));
  });
});
