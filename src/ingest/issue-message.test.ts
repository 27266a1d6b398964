import { describe, expect, it } from 'vitest';
import { issueMessage } from './issue-message';
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
