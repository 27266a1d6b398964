/**
 * A district that holds a generated ledger's townships (scripts/sample/ledger.ts): the bundled
 * sample's shape with one monthly report per township, served in place of the sample so a
 * ledger import goes straight to saving, as it does for an office whose township list is set up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerCsv } from '../../scripts/sample/ledger';

/** The township names a ledger of the generator holds, read back from a small one. */
export function ledgerTownships(opts: { townships?: number } = {}): string[] {
  const names = new Set<string>();
  for (const line of ledgerCsv(3000, opts).split('\n').slice(2)) {
    const name = line.split(',')[1] ?? '';
    if (/^[\u4e00-\u9fff]+(镇|乡|街道)$/.test(name)) names.add(name);
  }
  return [...names];
}

/** dataset.json for a district of `towns`, one report each (October 2026), from the sample in `root`. */
export function ledgerDistrictDataset(root: string, towns: readonly string[]): string {
  const sample = JSON.parse(readFileSync(join(root, 'public/sample/dataset.json'), 'utf8')) as {
    township_month: Record<string, unknown>[];
  };
  const template = sample.township_month[0]!;
  const type = (n: string) => (n.endsWith('街道') ? 'jiedao' : n.endsWith('乡') ? 'xiang' : 'zhen');
  return JSON.stringify({
    schema_version: 1,
    district: '云川市',
    townships: towns.map((name) => ({ name, type: type(name), code: null, aliases: [] })),
    township_month: towns.map((township) => ({
      ...template,
      township,
      period: '2026-10',
      report_date: '2026-10-25',
    })),
    hazards: [],
  });
}
