import { describe, expect, it } from 'vitest';
import { diffFieldLabel, diffValueText } from './diff-display';

const NR = '未填报';

describe('diffValueText: codes read as labels, never as stored codes', () => {
  it.each([
    ['township_month', 'focus_sectors', ['education', 'fire'], '教育（校园）、消防'],
    ['township_month', 'period_scope', 'ytd', '年累计'],
    ['township_month', 'approx', ['training_person_times', 'hazards_found'], '培训人次、排查隐患'],
    ['township_month', 'approx', [], '无'],
    ['township_month', 'flags', ['rectified_scope_flow'], '已整改数大于排查数（可能含以前积存）'],
    ['township_month', 'hazards_found', 12, '12'],
    ['township_month', 'remarks', null, NR],
    ['township_month', 'remarks', 'education', 'education'],
    ['hazard', 'sector', 'gas', '燃气'],
    ['hazard', 'level', 'major', '重大'],
    ['hazard', 'status', 'in_progress', '整改中'],
    ['problem', 'category', 'P04', '隐患排查不深入、整改不彻底'],
  ] as const)('%s.%s %j → %j', (kind, field, value, text) => {
    expect(diffValueText(kind, field, value, 'zh-CN', NR)).toBe(text);
  });

  it('speaks English too, and keeps an unknown code as written', () => {
    expect(diffValueText('township_month', 'focus_sectors', ['education', 'fire'], 'en', '-')).toBe(
      'Schools & kindergartens, Fire safety',
    );
    expect(diffValueText('hazard', 'status', 'rectified', 'en', '-')).toBe('Rectified');
    expect(diffValueText('hazard', 'level', 'catastrophic', 'en', '-')).toBe('catastrophic');
  });

  it('labels fields of every record kind', () => {
    expect(diffFieldLabel('township_month', 'focus_sectors', 'zh-CN')).toBe('重点行业领域');
    expect(diffFieldLabel('hazard', 'level', 'zh-CN')).toBe('隐患等级');
    expect(diffFieldLabel('hazard', 'status', 'en')).toBe('Status');
    expect(diffFieldLabel('problem', 'category', 'zh-CN')).toBe('问题类别');
    expect(diffFieldLabel('township_month', 'approx', 'zh-CN')).toBe('约数字段');
  });
});
