/**
 * Township name normalisation and type inference (docs/domain.md#township-names). Matching against a master
 * list (aliases, traditional/simplified variants, suggestions) lives in ingest/township-match.ts.
 */
import type { TownshipType } from './records';

/**
 * Infers a township's type from its name suffix.
 * @example inferTownshipType('小召乡') === 'xiang'; inferTownshipType('城关街道') === 'jiedao'
 */
export function inferTownshipType(name: string): TownshipType {
  if (/(街道|街道办事处|办事处|街)$/.test(name)) return 'jiedao';
  if (/地区$/.test(name)) return 'diqu';
  if (/(园区|开发区|工业园|高新区|经开区|服务中心)$/.test(name)) return 'park';
  if (/镇$/.test(name)) return 'zhen';
  if (/乡$/.test(name)) return 'xiang';
  return 'other';
}

export const TOWNSHIP_TYPES: readonly TownshipType[] = ['xiang', 'zhen', 'jiedao', 'diqu', 'park', 'other'];
