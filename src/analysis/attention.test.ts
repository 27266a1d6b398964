import { describe, expect, it } from 'vitest';
import { attentionList, attentionReasonText } from './attention';
import { buildCube } from './cube';
import { sampleDistrict } from './test-fixtures';
import { trainingStreaks } from './training';

const cube = buildCube(sampleDistrict());
const all = { townships: null, sector: null };

describe('trainingStreaks', () => {
  it('counts months since the last training; missing months are unknown, not zero', () => {
    const s = new Map(trainingStreaks(cube, '2024-04').map((x) => [x.township, x]));
    expect(s.get('小召乡')).toEqual({
      township: '小召乡',
      lastTraining: '2024-01',
      monthsSince: 3,
      zeroStreak: 1, // April 0, March missing ends the run
      unknownMonths: 1,
    });
    expect(s.get('城关镇')).toMatchObject({ lastTraining: '2024-01', monthsSince: 3, zeroStreak: 3 });
    expect(s.get('东关街道')).toMatchObject({ lastTraining: '2024-04', monthsSince: 0, zeroStreak: 0 });
    expect(s.get('新华镇')).toMatchObject({ lastTraining: null, monthsSince: null, zeroStreak: 0 });
  });

  it('gives no streak for a month beyond the data', () => {
    const s = trainingStreaks(cube, '2024-09', { townships: ['城关镇'] });
    expect(s[0]).toMatchObject({ lastTraining: '2024-01', monthsSince: 8, zeroStreak: 0 });
  });
});

describe('attentionList', () => {
  it('flags April 2024 with structured reasons in a fixed order', () => {
    const list = attentionList(cube, '2024-04', all);
    expect(list).toEqual([
      { kind: 'no_report', township: '新华镇', months: 1 },
      { kind: 'low_rectification', township: '东关街道', rate: 0.7, found: 10, rectified: 7, threshold: 0.8 },
      {
        kind: 'sharp_change',
        township: '城关镇',
        metric: 'hazards_found',
        current: 12,
        previous: 30,
        pct: -0.6,
      },
      { kind: 'no_training', township: '城关镇', months: 3 },
    ]);
  });

  it('flags March 2024: a rise from a base of 10 and a low rate', () => {
    const list = attentionList(cube, '2024-03', all);
    expect(list.map((x) => [x.kind, x.township])).toEqual([
      ['no_report', '小召乡'],
      ['low_rectification', '城关镇'],
      ['sharp_change', '城关镇'],
      ['no_training', '新华镇'], // January–March reported with 0 trainings (incl. under its old name)
    ]);
  });

  it('respects thresholds: a high minimum base hides changes, a low run length shows trainings', () => {
    const list = attentionList(cube, '2024-03', all, {
      minChangeBase: 11,
      noTrainingMonths: 2,
      minFound: 31,
    });
    expect(list.map((x) => [x.kind, x.township])).toEqual([
      ['no_report', '小召乡'],
      ['no_training', '新华镇'], // longest run first
      ['no_training', '城关镇'],
    ]);
  });

  it('renders reasons in Chinese and English', () => {
    const [noReport, low, change, training] = attentionList(cube, '2024-04', all);
    expect(attentionReasonText(noReport!, 'zh-CN')).toBe('新华镇本月未报送（已连续1个月）');
    expect(attentionReasonText(low!, 'zh-CN')).toContain('70.0%（7/10处）');
    expect(attentionReasonText(change!, 'zh-CN')).toBe('城关镇排查隐患由30降至12，环比下降60%');
    expect(attentionReasonText(training!, 'en')).toBe('城关镇 has held no training for 3 months in a row');
  });
});
