/**
 * District settings (name, issuing office, report due day, township master list) and their
 * validation. Settings travel in backups and as their own JSON file, so everything read from
 * outside is checked field by field and every problem is reported at once.
 */
import type { Township, TownshipType } from '../domain/records';
import { TOWNSHIP_TYPES } from '../domain/townships';
import type { Result } from '../domain/result';
import { checkTownshipName, normaliseTownshipName } from '../ingest/township-match';
import { err, ok } from '../domain/result';
import { findHostileKey, isObject, own, tryParseJson, type ValidationIssue } from './json-guard';
import type { Settings } from './persist-types';

/** Default settings for a first run: no names, reports due on the 25th, no master list. */
export const DEFAULT_SETTINGS: Settings = { districtName: '', issuingOffice: '', dueDay: 25, townships: [] };

export const SETTINGS_FILE_FORMAT = 'tsd-settings';
export const SETTINGS_SCHEMA_VERSION = 1;

const MAX_NAME = 60;
const CODE_RE = /^(\d{9}|\d{12})$/;

const issue = (
  path: string,
  code: ValidationIssue['code'],
  params: ValidationIssue['params'] = {},
): ValidationIssue => ({
  path,
  code,
  params,
});

function readText(
  o: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  issues: ValidationIssue[],
): string {
  const v = own(o, key);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    issues.push(issue(`${path}.${key}`, 'store.validation.not_text'));
    return '';
  }
  if (v.trim().length > MAX_NAME)
    issues.push(issue(`${path}.${key}`, 'store.validation.too_long', { max: MAX_NAME }));
  return v.trim();
}

/**
 * Validates one township entry. Names and aliases are trimmed and must pass the importer's name
 * rules (checkTownshipName); `code` must be 9 or 12 digits or null; aliases must be strings (blank
 * ones dropped, duplicates removed).
 */
function readTownship(v: unknown, path: string, issues: ValidationIssue[]): Township | null {
  if (!isObject(v)) {
    issues.push(issue(path, 'store.validation.not_object'));
    return null;
  }
  const before = issues.length;
  const nameRaw = own(v, 'name');
  const name = typeof nameRaw === 'string' ? nameRaw.trim() : '';
  if (name === '') issues.push(issue(`${path}.name`, 'store.validation.township_name_missing'));
  else {
    // The importer's own name rules (one implementation): a name it would refuse in a file could
    // never be matched, so the list may not hold it either.
    const checked = checkTownshipName(name);
    if (!checked.ok) issues.push(issue(`${path}.name`, checked.code, checked.params));
  }
  const typeRaw = own(v, 'type');
  const type = TOWNSHIP_TYPES.find((t) => t === typeRaw);
  if (!type) {
    issues.push(
      issue(`${path}.type`, 'store.validation.township_type', {
        value: String(typeRaw),
        allowed: TOWNSHIP_TYPES.join('/'),
      }),
    );
  }
  const codeRaw = own(v, 'code');
  let code: string | null = null;
  if (codeRaw !== undefined && codeRaw !== null && codeRaw !== '') {
    if (typeof codeRaw === 'string' && CODE_RE.test(codeRaw.trim())) code = codeRaw.trim();
    else issues.push(issue(`${path}.code`, 'store.validation.township_code', { value: String(codeRaw) }));
  }
  const aliasesRaw = own(v, 'aliases');
  const aliases: string[] = [];
  if (aliasesRaw !== undefined && aliasesRaw !== null) {
    if (!Array.isArray(aliasesRaw)) issues.push(issue(`${path}.aliases`, 'store.validation.not_list'));
    else
      aliasesRaw.forEach((a: unknown, i) => {
        if (typeof a !== 'string') {
          issues.push(issue(`${path}.aliases[${i}]`, 'store.validation.not_text'));
          return;
        }
        const alias = a.trim();
        if (alias === '' || aliases.includes(alias) || alias === name) return;
        const checked = checkTownshipName(alias);
        if (checked.ok) aliases.push(alias);
        else issues.push(issue(`${path}.aliases[${i}]`, checked.code, checked.params));
      });
  }
  if (issues.length > before || !type) return null;
  return { name, type: type as TownshipType, code, aliases };
}

/**
 * Validates settings from untrusted JSON (a backup or a settings file). Missing text fields become
 * '', a missing due day becomes 25; a due day outside 1–31, a bad township entry, a name or alias
 * used by two townships, or a hostile key is an issue. All issues are returned together.
 */
export function validateSettings(value: unknown, path = 'settings'): Result<Settings, ValidationIssue[]> {
  const hostile = findHostileKey(value, path);
  if (hostile) return err([issue(hostile, 'store.validation.hostile_key')]);
  if (!isObject(value)) return err([issue(path, 'store.validation.not_object')]);
  const issues: ValidationIssue[] = [];
  const districtName = readText(value, 'districtName', path, issues);
  const issuingOffice = readText(value, 'issuingOffice', path, issues);
  const dueRaw = own(value, 'dueDay');
  let dueDay = DEFAULT_SETTINGS.dueDay;
  if (dueRaw !== undefined && dueRaw !== null) {
    if (typeof dueRaw === 'number' && Number.isInteger(dueRaw) && dueRaw >= 1 && dueRaw <= 31)
      dueDay = dueRaw;
    else issues.push(issue(`${path}.dueDay`, 'store.validation.due_day', { value: String(dueRaw) }));
  }
  const townshipsRaw = own(value, 'townships');
  const townships: Township[] = [];
  if (townshipsRaw !== undefined && townshipsRaw !== null) {
    if (!Array.isArray(townshipsRaw)) issues.push(issue(`${path}.townships`, 'store.validation.not_list'));
    else {
      // Names and aliases share one namespace: an alias of one township may not name another.
      // Compared as the matcher compares them (normalised: 小召乡 = 小召乡人民政府), else the
      // matcher would find two townships for one name and match neither.
      const seen = new Map<string, string>();
      townshipsRaw.forEach((t: unknown, i) => {
        const p = `${path}.townships[${i}]`;
        const tw = readTownship(t, p, issues);
        if (!tw) return;
        const mine = new Set<string>();
        for (const n of [tw.name, ...tw.aliases]) {
          const key = normaliseTownshipName(n);
          const owner = seen.get(key);
          if (owner !== undefined && !mine.has(key))
            issues.push(issue(p, 'store.validation.township_duplicate', { name: n, other: owner }));
          else {
            seen.set(key, tw.name);
            mine.add(key);
          }
        }
        townships.push(tw);
      });
    }
  }
  return issues.length > 0 ? err(issues) : ok({ districtName, issuingOffice, dueDay, townships });
}

/** Serialises settings as a settings file (`{ format, schema_version, settings }`), pretty-printed. */
export function settingsToJson(settings: Settings): string {
  return JSON.stringify(
    { format: SETTINGS_FILE_FORMAT, schema_version: SETTINGS_SCHEMA_VERSION, settings },
    null,
    2,
  );
}

/**
 * Parses a settings file written by {@link settingsToJson}. Also accepts a bare settings object.
 * Malformed JSON, a foreign format, a newer schema version or invalid settings → issues.
 */
export function parseSettingsJson(text: string): Result<Settings, ValidationIssue[]> {
  const parsed = tryParseJson(text);
  if (!parsed.ok) return err([issue('$', 'store.validation.bad_json')]);
  const hostile = findHostileKey(parsed.value);
  if (hostile) return err([issue(hostile, 'store.validation.hostile_key')]);
  const v = parsed.value;
  if (isObject(v) && own(v, 'format') !== undefined) {
    if (own(v, 'format') !== SETTINGS_FILE_FORMAT)
      return err([issue('$.format', 'store.validation.wrong_format')]);
    const sv = own(v, 'schema_version');
    if (typeof sv !== 'number' || sv > SETTINGS_SCHEMA_VERSION || sv < 1) {
      return err([issue('$.schema_version', 'store.validation.schema_version', { value: String(sv) })]);
    }
    return validateSettings(own(v, 'settings'));
  }
  return validateSettings(v);
}
