/**
 * Derives the Dataset every chart reads from the committed records. Nothing else is stored, so
 * removing a batch or restoring a revision changes every chart at once (docs/architecture.md#invariants, "derive, don't store").
 */
import type {
  Dataset,
  HazardRecord,
  HazardTallyRecord,
  ProblemRecordInput,
  TownshipMonthRecord,
} from '../domain/records';
import type { BatchRow, Settings, StoredRecord } from './persist-types';

/**
 * Builds the dataset: records ordered by batch commit order then position in the file; townships
 * from the settings' master list (empty → order of first appearance, decided by analysis); district
 * from the settings, else the latest batch that declared one, else null. Empty input → empty dataset.
 */
export function deriveDataset(
  records: readonly StoredRecord[],
  batches: readonly BatchRow[],
  settings: Settings,
): Dataset {
  const sorted = [...records].sort((a, b) => a.batchSeq - b.batchSeq || a.ordinal - b.ordinal);
  const townshipMonths: TownshipMonthRecord[] = [];
  const hazards: HazardRecord[] = [];
  const problems: ProblemRecordInput[] = [];
  const hazardTallies: HazardTallyRecord[] = [];
  for (const r of sorted) {
    if (r.kind === 'township_month') townshipMonths.push(r.record as TownshipMonthRecord);
    else if (r.kind === 'hazard') hazards.push(r.record as HazardRecord);
    else if (r.kind === 'hazard_tally') hazardTallies.push(r.record as HazardTallyRecord);
    else problems.push(r.record as ProblemRecordInput);
  }
  let district: string | null = settings.districtName.trim() === '' ? null : settings.districtName.trim();
  if (district === null) {
    const withDistrict = [...batches].sort((a, b) => b.seq - a.seq).find((b) => b.district);
    district = withDistrict?.district ?? null;
  }
  return {
    district,
    townships: settings.townships,
    townshipMonths,
    hazards,
    problems,
    ...(hazardTallies.length > 0 ? { hazardTallies } : {}),
  };
}
