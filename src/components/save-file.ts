/**
 * The UI's older download names, kept as thin wrappers so their callers need not change: every
 * download goes through the ONE helper, downloadBytes in src/export/download.ts (Blob, object URL,
 * a temporary <a download>, file name sanitised there).
 */
import { csvBytes } from '../export/csv';
import { downloadBytes } from '../export/download';

/** Saves text or bytes as a file in the user's downloads (see downloadBytes). */
export function downloadBlob(content: string | Uint8Array, fileName: string, mimeType: string): void {
  downloadBytes(content, fileName, mimeType);
}

/** Saves CSV text as UTF-8 with a BOM, so Excel and WPS on Windows do not read it as GBK. */
export function downloadCsv(csv: string, fileName: string): void {
  downloadBytes(csvBytes(csv), fileName, 'text/csv;charset=utf-8');
}
