/**
 * Serialisers for the sample files: the canonical dataset JSON, the Chinese-header CSVs (UTF-8
 * with BOM, CRLF, as Excel writes them), the manifest and the blank template. Pure string output;
 * the same input always gives the same bytes.
 */
import {
  HAZARD_FIELDS,
  TEMPLATE_FIELDS,
  templateHeader,
  townshipMonthField,
  type FieldDef,
} from '../../src/domain/fields';
import { periodMonth, periodYear, type Period } from '../../src/domain/month';
import { NUMERIC_FIELDS, type HazardLevel, type HazardStatus, type Township } from '../../src/domain/records';
import { sectorByCode, type SectorCode } from '../../src/domain/sectors';
import type { SampleHazard, SampleTownshipMonth } from './generate';

/** Byte-order mark Excel needs to open a UTF-8 CSV as UTF-8. */
export const BOM = '\uFEFF';

/** A period the way Chinese forms write it. @example formatMonthZh('2024-03') === '2024年3月' */
export const formatMonthZh = (p: Period): string => `${periodYear(p)}年${periodMonth(p)}月`;

/**
 * Quotes a CSV cell when it holds a comma, quote, line break or edge space (RFC 4180); null and
 * undefined become an empty cell (not reported).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text: BOM, CRLF line ends, a final CRLF. Empty rows give just the BOM. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

/** Sector codes as Chinese names joined with `；` (the template's list separator); null stays empty. */
export const sectorsZh = (codes: readonly SectorCode[] | null): string | null =>
  codes === null ? null : codes.map((c) => sectorByCode(c)?.zh ?? c).join('；');

const LEVEL_ZH: ReadonlyMap<HazardLevel, string> = new Map<HazardLevel, string>([
  ['general', '一般'],
  ['major', '重大'],
]);
const STATUS_ZH: ReadonlyMap<HazardStatus, string> = new Map<HazardStatus, string>([
  ['rectified', '已整改'],
  ['closed', '已销号'],
  ['in_progress', '整改中'],
  ['transferred', '已移交'],
]);

const templateFields = (): FieldDef[] =>
  TEMPLATE_FIELDS.map((name) => {
    const f = townshipMonthField(name);
    if (!f) throw new Error(`TEMPLATE_FIELDS names an unknown field: ${name}`);
    return f;
  });

/** The Chinese template header row, `templateHeader(field)` for each of TEMPLATE_FIELDS. */
export const templateHeaders = (): string[] => templateFields().map(templateHeader);

function tmCell(row: SampleTownshipMonth, field: string): string | number | null {
  switch (field) {
    case 'township':
      return row.township;
    case 'period':
      return formatMonthZh(row.period);
    case 'report_date':
      return row.report_date;
    case 'focus_sectors':
      return sectorsZh(row.focus_sectors);
    case 'problems_text':
      return row.problems_text;
    case 'next_steps_text':
      return row.next_steps_text;
    case 'remarks':
      return row.remarks;
    default:
      if ((NUMERIC_FIELDS as readonly string[]).includes(field))
        return row[field as (typeof NUMERIC_FIELDS)[number]];
      throw new Error(`No CSV writer for template field ${field}`);
  }
}

/** The township-month rows as the Chinese-header CSV (template columns only). */
export function toTownshipMonthCsv(rows: readonly SampleTownshipMonth[]): string {
  const fields = templateFields();
  return toCsv([fields.map(templateHeader), ...rows.map((r) => fields.map((f) => tmCell(r, f.name)))]);
}

/** The hazard ledger as a CSV with the HAZARD_FIELDS Chinese labels. */
export function toHazardsCsv(rows: readonly SampleHazard[]): string {
  const header = HAZARD_FIELDS.map((f) => f.zh);
  const body = rows.map((h) =>
    HAZARD_FIELDS.map((f) => {
      switch (f.name) {
        case 'sector':
          return sectorByCode(h.sector)?.zh ?? h.sector;
        case 'level':
          return LEVEL_ZH.get(h.level) ?? h.level;
        case 'status':
          return STATUS_ZH.get(h.status) ?? h.status;
        default:
          return (h as unknown as Record<string, string | null>)[f.name] ?? null;
      }
    }),
  );
  return toCsv([header, ...body]);
}

const TM_KEYS: readonly string[] = [
  'township',
  'period',
  'period_scope',
  'report_date',
  ...NUMERIC_FIELDS,
  'focus_sectors',
  'problems_text',
  'next_steps_text',
  'remarks',
];
// `period` is derived from date_found (records.ts), and importers treat it as an unknown key,
// so the file leaves it out.
const HAZARD_KEYS: readonly string[] = [
  'township',
  'date_found',
  'sector',
  'level',
  'description',
  'status',
  'rectified_date',
  'deadline',
  'village',
  'unit_name',
];

const pickKeys = (obj: object, keys: readonly string[]): Record<string, unknown> => {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = src[k] ?? null;
  return out;
};

/**
 * The canonical dataset JSON (docs/domain.md#dataset-json): fixed key order, one record per line so diffs stay
 * readable; absent values are written as null.
 */
export function toDatasetJson(ds: {
  readonly district: string | null;
  readonly townships: readonly Township[];
  readonly townshipMonths: readonly SampleTownshipMonth[];
  readonly hazards: readonly SampleHazard[];
}): string {
  const list = (items: readonly object[], keys: readonly string[]): string =>
    items.length === 0
      ? '[]'
      : `[\n${items.map((x) => '    ' + JSON.stringify(pickKeys(x, keys))).join(',\n')}\n  ]`;
  const townships = ds.townships.map((t) => ({
    name: t.name,
    type: t.type,
    code: t.code,
    aliases: t.aliases,
  }));
  return (
    '{\n' +
    `  "schema_version": "1",\n` +
    `  "district": ${JSON.stringify(ds.district)},\n` +
    `  "townships": ${list(townships, ['name', 'type', 'code', 'aliases'])},\n` +
    `  "township_month": ${list(ds.townshipMonths, TM_KEYS)},\n` +
    `  "hazards": ${list(ds.hazards, HAZARD_KEYS)}\n` +
    '}\n'
  );
}

/** The manifest the app reads on start: which bundled files exist. */
export function toManifestJson(title: string): string {
  return JSON.stringify({ files: [{ path: 'dataset.json', title, kind: 'dataset' }] }, null, 2) + '\n';
}

/** The blank Chinese template: the header row and one filled-in example row. */
export function toTemplateCsv(): string {
  const example: ReadonlyMap<string, string | number> = new Map<string, string | number>([
    ['township', '小召乡'],
    ['period', '2026年10月'],
    ['report_date', '2026-10-25'],
    ['units_inspected', 24],
    ['inspector_person_times', 36],
    ['hazards_found', 6],
    ['hazards_rectified', 5],
    ['hazards_major_found', 0],
    ['hazards_major_rectified', 0],
    ['rectification_funds_10k_yuan', 0.5],
    ['rectification_notices', 1],
    ['meetings_held', 2],
    ['trainings_held', 1],
    ['training_person_times', 60],
    ['warning_edu_sessions', 1],
    ['publicity_events', 1],
    ['leaflets_distributed', 500],
    ['drills_held', 0],
    ['accidents', 0],
    ['deaths', 0],
    ['injuries', 0],
    ['direct_loss_10k_yuan', 0],
    ['focus_sectors', '烟花爆竹；工贸；建筑施工'],
    ['problems_text', '一是个别企业主体责任落实不到位；二是村级安全员业务素质仍需加强。'],
    ['next_steps_text', '继续开展隐患排查治理，强化重点行业领域监管。'],
    ['remarks', ''],
  ]);
  return toCsv([templateHeaders(), TEMPLATE_FIELDS.map((f) => example.get(f) ?? null)]);
}
