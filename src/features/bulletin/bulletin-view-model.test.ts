import { describe, expect, it } from 'vitest';
import { buildCube } from '../../analysis/cube';
import { sampleDistrict } from '../../analysis/test-fixtures';
import {
  bulletinMonth,
  createBulletinFormController,
  deriveBulletinView,
  type BulletinViewInput,
} from './bulletin-view-model';

const dataset = sampleDistrict();
const cube = buildCube(dataset);
const input = (over: Partial<BulletinViewInput> = {}): BulletinViewInput => ({
  dataset,
  cube,
  form: createBulletinFormController('2024-05-06').getSnapshot(),
  settings: null,
  today: '2024-05-06',
  lang: 'zh-CN',
  initialMonth: null,
  recurringProblems: null,
  ...over,
});

describe('createBulletinFormController', () => {
  it('keeps what was typed and notifies; an emptied cut-off date keeps the last day', () => {
    const c = createBulletinFormController('2024-05-06');
    let n = 0;
    c.subscribe(() => n++);
    c.pickMonth('2024-02');
    c.setDistrict('');
    c.setOffice('区安办');
    c.setCutoff('2024-05-01');
    c.setCutoff('');
    expect(c.getSnapshot()).toEqual({
      month: '2024-02',
      district: '',
      office: '区安办',
      cutoff: '2024-05-01',
    });
    expect(n).toBe(4);
  });
});

describe('bulletinMonth', () => {
  const months = ['2024-01', '2024-02', '2024-03'];
  it.each([
    ['the picked month', '2024-02', '2024-03', '2024-02'],
    ['the initial month when nothing was picked', null, '2024-01', '2024-01'],
    ['the latest when the picked and initial months have no data', '2023-12', '2024-13', '2024-03'],
  ])('%s', (_n, picked, initial, expected) => {
    expect(bulletinMonth(months, picked, initial)).toBe(expected);
  });
  it('is null without data', () => expect(bulletinMonth([], null, '2024-01')).toBeNull());
});

describe('deriveBulletinView', () => {
  it('defaults the district to the dataset and derives the office; settings and typing override', () => {
    const v = deriveBulletinView(input())!;
    expect([v.month, v.district, v.office]).toEqual(['2024-04', '示例区', '示例区安全生产委员会办公室']);
    const s = deriveBulletinView(
      input({ settings: { districtName: ' 云川区 ', issuingOffice: '', dueDay: 20 } }),
    )!;
    expect([s.district, s.office]).toEqual(['云川区', '云川区安全生产委员会办公室']);
    const typed = deriveBulletinView(
      input({ form: { month: null, district: '', office: null, cutoff: '2024-05-06' } }),
    )!;
    expect([typed.district, typed.office]).toEqual(['', '']);
  });

  it('gives each multi-month chart its own export period and keeps the charts while typing', () => {
    const v = deriveBulletinView(input())!;
    expect(v.charts.map((c) => c.id)).toEqual(['bulletin-ranking', 'district-trend', 'submission-matrix']);
    expect(v.chartMeta.has('bulletin-ranking')).toBe(false);
    expect(v.chartMeta.get('district-trend')?.subtitle).toBe('2023年5月至2024年4月 · 全部乡镇');
    expect(v.meta).toMatchObject({ period: '2024-04', generatedAt: '2024-05-06' });
    const typed = deriveBulletinView(
      input({ form: { month: null, district: '甲区', office: null, cutoff: '2024-05-06' } }),
    )!;
    expect(typed.charts).toBe(v.charts);
    expect(typed.model).not.toBe(v.model);
  });

  it('is null for a dataset without months', () => {
    const empty = { ...dataset, townshipMonths: [], hazards: [], problems: [] };
    expect(deriveBulletinView(input({ dataset: empty, cube: buildCube(empty) }))).toBeNull();
  });
});
