import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../src/store/sources/config';
import { connectSources, contentSecurityPolicy } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('contentSecurityPolicy', () => {
  it('is strict with the default (empty) config: own origin only, no inline script, no eval', () => {
    const policy = contentSecurityPolicy(EMPTY_CONFIG);
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.)/);
    // Directives a <meta> policy cannot carry are left to the server header.
    expect(policy).not.toMatch(/frame-ancestors|report-uri|report-to|sandbox/);
  });

  it('lets the app fetch from the hosts config.json allows, and nothing else', () => {
    const config = {
      urlAllowList: ['data.yunchuan.gov.cn', '*.yunchuan.gov.cn', 'files.example.cn:8443'],
      reportingEndpoint: { baseUrl: 'https://report.yunchuan.gov.cn/api/v1', name: '区安委办报送系统' },
    };
    expect(connectSources(config)).toEqual([
      'https://data.yunchuan.gov.cn',
      'https://*.yunchuan.gov.cn',
      'https://files.example.cn:8443',
      'https://report.yunchuan.gov.cn',
    ]);
    expect(directive(contentSecurityPolicy(config), 'connect-src')).toEqual([
      "'self'",
      ...connectSources(config),
    ]);
    expect(directive(contentSecurityPolicy(config), 'script-src')).toEqual(["'self'"]);
  });
});
