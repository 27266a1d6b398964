/**
 * The committed sample: 云川区 with its scenario, and the files written under public/. Pure:
 * returns file contents by path so tests can compare them with the committed files without
 * touching the disk.
 */
import { SAMPLE_DISTRICT, SAMPLE_FROM, SAMPLE_PROFILES, SAMPLE_SEED, SAMPLE_TO } from './district';
import { generateDataset, type SampleDataset, type SampleScenario } from './generate';
import { toDatasetJson, toHazardsCsv, toManifestJson, toTemplateCsv, toTownshipMonthCsv } from './serialize';

/** The sample's deliberate oddities (suspicious rows, the ledger mismatch, 小召乡's real text). */
export const SAMPLE_SCENARIO: SampleScenario = {
  allZero: [{ township: '高桥镇', period: '2025-02' }],
  copyPrevious: [{ township: '清水镇', period: '2026-05' }],
  ledgerMismatch: { township: '柳河镇', period: '2026-03' },
  xiaozhaoAprils: true,
};

/** The 云川区 sample dataset for a seed (the committed files use SAMPLE_SEED). */
export function buildSampleDataset(seed: number = SAMPLE_SEED): SampleDataset {
  return generateDataset({
    seed,
    district: SAMPLE_DISTRICT,
    profiles: SAMPLE_PROFILES,
    from: SAMPLE_FROM,
    to: SAMPLE_TO,
    scenario: SAMPLE_SCENARIO,
  });
}

/**
 * Every generated file, keyed by its path relative to public/, in a fixed order.
 * @example buildSampleFiles().get('sample/dataset.json')
 */
export function buildSampleFiles(seed: number = SAMPLE_SEED): Map<string, string> {
  const ds = buildSampleDataset(seed);
  return new Map([
    ['sample/dataset.json', toDatasetJson(ds)],
    ['sample/township-month.csv', toTownshipMonthCsv(ds.townshipMonths)],
    ['sample/hazards.csv', toHazardsCsv(ds.hazards)],
    ['sample/manifest.json', toManifestJson(`${SAMPLE_DISTRICT}示例数据（${SAMPLE_FROM} 至 ${SAMPLE_TO}）`)],
    ['templates/township-month-template.csv', toTemplateCsv()],
  ]);
}
