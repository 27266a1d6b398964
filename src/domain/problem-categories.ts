/**
 * Problem categories for 存在的问题 statements (docs/domain.md#problem-categories), held as data. The rule classifier
 * (src/analysis/problems) reads keywords and rules from here; users may rename, add keywords and merge.
 */
export const PROBLEM_CATEGORY_CODES = [
  'P01',
  'P02',
  'P03',
  'P04',
  'P05',
  'P06',
  'P07',
  'P08',
  'P09',
  'P10',
  'P11',
  'P12',
  'P99',
] as const;

export type ProblemCategoryCode = (typeof PROBLEM_CATEGORY_CODES)[number];

export interface ProblemCategoryDef {
  readonly code: ProblemCategoryCode;
  readonly zh: string;
  readonly en: string;
}

export const PROBLEM_CATEGORIES: readonly ProblemCategoryDef[] = [
  { code: 'P01', zh: '企业主体责任落实不到位', en: 'Enterprise primary responsibility not implemented' },
  { code: 'P02', zh: '属地/部门责任落实不平衡', en: 'Uneven attention and follow-through' },
  { code: 'P03', zh: '基层监管力量薄弱、业务素质不足', en: 'Weak staffing and professional capacity' },
  { code: 'P04', zh: '隐患排查不深入、整改不彻底', en: 'Shallow inspection, incomplete rectification' },
  { code: 'P05', zh: '从业人员和群众安全意识淡薄', en: 'Low safety awareness of workers and the public' },
  { code: 'P06', zh: '教育培训和宣传不到位', en: 'Training and publicity insufficient' },
  { code: 'P07', zh: '安全投入与基础设施薄弱', en: 'Under-investment, weak infrastructure' },
  { code: 'P08', zh: '应急准备与处置能力不足', en: 'Emergency preparedness gaps' },
  { code: 'P09', zh: '非法违法、违规违章行为屡禁不止', en: 'Persistent illegal or non-compliant activity' },
  { code: 'P10', zh: '部门联动与监管机制不健全', en: 'Weak coordination and mechanisms' },
  { code: 'P11', zh: '基础台账和信息报送不规范', en: 'Poor records and reporting' },
  { code: 'P12', zh: '重点领域风险隐患突出', en: 'Sector-specific risk highlighted' },
  { code: 'P99', zh: '其他', en: 'Other' },
];

const BY_CODE = new Map<string, ProblemCategoryDef>(PROBLEM_CATEGORIES.map((c) => [c.code, c]));

/** Looks up a built-in category; undefined for unknown codes. */
export const problemCategoryByCode = (code: string): ProblemCategoryDef | undefined => BY_CODE.get(code);

/** True for a built-in category code. */
export const isProblemCategoryCode = (v: string): v is ProblemCategoryCode => BY_CODE.has(v);
