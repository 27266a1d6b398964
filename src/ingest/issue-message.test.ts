import { describe, expect, it } from 'vitest';
import { ingestBytes } from './ingest-file';
import { issueLocation, issueMessage, recordLocation } from './issue-message';
import { elementPath } from './json-path';
import { makeIssue } from './make-issue';

describe('issueMessage', () => {
  it('keeps the line when there is one', () => {
    const issue = makeIssue('a.csv', { severity: 'error', code: 'ingest.unterminated_quote', line: 3 });
    expect(issueMessage('zh-CN', issue)).toContain('第 3 行');
    expect(issueMessage('en', issue)).toContain('line 3');
  });

  it('drops the "line -" fragment for issues without a line, in both languages', () => {
    const issue = makeIssue('a.json', { severity: 'error', code: 'ingest.unterminated_quote', line: null });
    const zh = issueMessage('zh-CN', issue);
    const en = issueMessage('en', issue);
    expect(zh).not.toMatch(/第\s*-\s*行/u);
    expect(en).not.toMatch(/line -/u);
    expect(zh).toContain('a.json');
  });
});

describe('issues inside a minified JSON document', () => {
  // A whole canonical document on one line, as an export or an API response is saved.
  const doc = {
    schema_version: '1',
    district: '云川区',
    township_month: [
      { township: '小召乡', period: '2024-03', hazards_found: 5, hazards_rectified: 5 },
      { township: '城关镇', period: '2024-03', hazards_found: '见附表', hazards_rectified: 3 },
      {},
      { township: '小召乡', period: '2024-03', hazards_found: 6, hazards_rectified: 6 },
    ],
  };
  const r = ingestBytes(new TextEncoder().encode(JSON.stringify(doc)), {
    fileName: '三月汇总.json',
    knownTownships: [],
    today: '2024-05-01',
  });

  it('names each element by JSON path, in the location, the message and the records', () => {
    const bad = r.issues.find((i) => i.code === 'cells.count.invalid')!;
    expect(bad.line).toBe(1);
    expect(issueLocation(bad)).toBe('township_month[1].hazards_found');
    const dup = r.issues.filter((i) => i.code === 'ingest.duplicate_conflict');
    expect(dup.map((i) => issueLocation(i))).toEqual(['township_month[0]', 'township_month[3]']);
    expect(issueMessage('zh-CN', dup[0]!)).toBe(
      '三月汇总.json township_month[0]：与 township_month[3] 是同一乡镇同一月份（小召乡，2024-03），但数值不同。两行均未导入，请删除错误的一行。',
    );
    expect(issueMessage('en', dup[1]!)).toContain(
      '三月汇总.json township_month[3]: same township and month as township_month[0]',
    );
    for (const i of r.issues) expect(issueMessage('zh-CN', i)).not.toMatch(/第\s*1\s*行/u);
    expect(r.rejectedRows.map(recordLocation)).toEqual([
      'township_month[1]',
      'township_month[0]',
      'township_month[3]',
    ]);
    expect(r.ignored.map(recordLocation)).toEqual(['township_month[2]']);
  });

  it('keeps line numbers for line-based formats', () => {
    const csv = ingestBytes(new TextEncoder().encode('乡镇,月份,排查隐患（处）\n小召乡,2024-03,见附表\n'), {
      fileName: 'a.csv',
      knownTownships: [],
      today: '2024-05-01',
    });
    const bad = csv.issues.find((i) => i.code === 'cells.count.invalid')!;
    expect(bad.path).toBeUndefined();
    expect(issueLocation(bad)).toBe('2');
  });
});

describe('elementPath', () => {
  it.each([
    ['', 3, '[3]'],
    ['township_month', 12, 'township_month[12]'],
    ['data/list', 0, 'data.list[0]'],
    ['odd key', 1, '["odd key"][1]'],
  ])('%j[%i] → %s', (keyPath, index, path) => {
    expect(elementPath(keyPath, index)).toBe(path);
  });
});
