import { describe, expect, it } from 'vitest';
import { TEMPLATE_FIELDS, TOWNSHIP_MONTH_FIELDS, townshipMonthFieldNames } from './fields';
import { COUNT_FIELDS, MONEY_FIELDS, NUMERIC_FIELDS } from './records';

// The lists as they were written out by hand before they were derived from the field registry
// (issue 10): the derivation must not change a name or the order of any of them.
const COUNT_BEFORE = [
  'units_inspected',
  'inspector_person_times',
  'hazards_found',
  'hazards_rectified',
  'hazards_major_found',
  'hazards_major_rectified',
  'rectification_notices',
  'penalty_cases',
  'meetings_held',
  'trainings_held',
  'training_person_times',
  'warning_edu_sessions',
  'publicity_events',
  'leaflets_distributed',
  'drills_held',
  'accidents',
  'deaths',
  'injuries',
];
const MONEY_BEFORE = ['rectification_funds_10k_yuan', 'fines_10k_yuan', 'direct_loss_10k_yuan'];
const TEMPLATE_BEFORE = [
  'township',
  'period',
  'report_date',
  'units_inspected',
  'inspector_person_times',
  'hazards_found',
  'hazards_rectified',
  'hazards_major_found',
  'hazards_major_rectified',
  'rectification_funds_10k_yuan',
  'rectification_notices',
  'meetings_held',
  'trainings_held',
  'training_person_times',
  'warning_edu_sessions',
  'publicity_events',
  'leaflets_distributed',
  'drills_held',
  'accidents',
  'deaths',
  'injuries',
  'direct_loss_10k_yuan',
  'focus_sectors',
  'problems_text',
  'next_steps_text',
  'remarks',
];

describe('field lists derived from the registry', () => {
  it('count, money and numeric fields are the hand-written lists, in the same order', () => {
    expect(COUNT_FIELDS).toEqual(COUNT_BEFORE);
    expect(MONEY_FIELDS).toEqual(MONEY_BEFORE);
    expect(NUMERIC_FIELDS).toEqual([...COUNT_BEFORE, ...MONEY_BEFORE]);
  });

  it('the template columns are the hand-written list, in the same order', () => {
    expect(TEMPLATE_FIELDS).toEqual(TEMPLATE_BEFORE);
  });

  it('every registry field is either a template column or one of the four left out', () => {
    const left = TOWNSHIP_MONTH_FIELDS.filter((f) => !f.inTemplate).map((f) => f.name);
    expect(left).toEqual(['period_scope', 'rectification_rate', 'penalty_cases', 'fines_10k_yuan']);
  });

  it('names of a kind follow the registry', () => {
    expect(townshipMonthFieldNames('text')).toEqual(['problems_text', 'next_steps_text', 'remarks']);
    expect(townshipMonthFieldNames('rate_check')).toEqual(['rectification_rate']);
  });
});
