/**
 * The deployment config (`public/config.json`, fetched at startup): the URL allow-list and the
 * optional reporting endpoint. An administrator edits it on the server; the app never writes it.
 */
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import { findHostileKey, isObject, own, type ValidationIssue } from '../json-guard';
import type { FetchLike } from './fetch-client';

export interface ReportingEndpointConfig {
  /** https base URL without trailing slash, e.g. `https://report.example.gov.cn/api`. */
  readonly baseUrl: string;
  readonly name: string;
}

export interface AppConfig {
  readonly urlAllowList: readonly string[];
  readonly reportingEndpoint: ReportingEndpointConfig | null;
}

/** No network sources: what the app uses when config.json is missing or invalid. */
export const EMPTY_CONFIG: AppConfig = { urlAllowList: [], reportingEndpoint: null };

const HOST_RE = /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * Validates a config value: `urlAllowList` is a list of host names (optionally `*.` and a port);
 * `reportingEndpoint` is null or `{ baseUrl: https URL, name }`. Missing keys mean none.
 */
export function parseAppConfig(value: unknown): Result<AppConfig, ValidationIssue[]> {
  const hostile = findHostileKey(value, 'config');
  if (hostile) return err([{ path: hostile, code: 'store.validation.hostile_key', params: {} }]);
  if (!isObject(value)) return err([{ path: 'config', code: 'store.validation.not_object', params: {} }]);
  const issues: ValidationIssue[] = [];
  const listRaw = own(value, 'urlAllowList') ?? [];
  const urlAllowList: string[] = [];
  if (!Array.isArray(listRaw))
    issues.push({ path: 'config.urlAllowList', code: 'store.validation.not_list', params: {} });
  else
    listRaw.forEach((h: unknown, i) => {
      if (typeof h === 'string' && HOST_RE.test(h.trim())) urlAllowList.push(h.trim().toLowerCase());
      else issues.push({ path: `config.urlAllowList[${i}]`, code: 'store.validation.not_text', params: {} });
    });
  const epRaw = own(value, 'reportingEndpoint');
  let reportingEndpoint: ReportingEndpointConfig | null = null;
  if (epRaw !== undefined && epRaw !== null) {
    const baseUrl = isObject(epRaw) ? own(epRaw, 'baseUrl') : undefined;
    const name = isObject(epRaw) ? own(epRaw, 'name') : undefined;
    let parsed: URL | null = null;
    try {
      parsed = typeof baseUrl === 'string' ? new URL(baseUrl) : null;
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.protocol !== 'https:' || typeof name !== 'string') {
      issues.push({ path: 'config.reportingEndpoint', code: 'store.validation.not_object', params: {} });
    } else reportingEndpoint = { baseUrl: parsed.href.replace(/\/+$/, ''), name: name.trim() };
  }
  return issues.length > 0 ? err(issues) : ok({ urlAllowList, reportingEndpoint });
}

/**
 * Fetches and validates config.json (same origin, so no allow-list applies). A missing or invalid
 * file yields EMPTY_CONFIG plus the issues to show; network sources are then simply unavailable.
 */
export async function loadAppConfig(
  url = './config.json',
  fetchImpl: FetchLike = (i, init) => fetch(i, init),
): Promise<{ config: AppConfig; issues: ValidationIssue[] }> {
  try {
    const res = await fetchImpl(url, { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return { config: EMPTY_CONFIG, issues: [] };
    const text = await res.text();
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return {
        config: EMPTY_CONFIG,
        issues: [{ path: 'config', code: 'store.validation.bad_json', params: {} }],
      };
    }
    const parsed = parseAppConfig(value);
    return parsed.ok ? { config: parsed.value, issues: [] } : { config: EMPTY_CONFIG, issues: parsed.error };
  } catch {
    return { config: EMPTY_CONFIG, issues: [] };
  }
}
