/**
 * The one place the UI saves a file: Blob + object URL + a temporary <a download>. File names
 * come partly from data (a township or file name), so they are sanitised here.
 */

/** Characters Windows, macOS or the shell treat specially in file names. */
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * Makes a safe file name: strips path separators and control characters, trims dots/spaces at the
 * ends (Windows refuses them), caps the length and falls back to `download` when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE_FILE_CHARS, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const capped = [...cleaned].slice(0, 120).join('');
  return capped === '' ? 'download' : capped;
}

/** Saves `content` as a file in the user's downloads. */
export function downloadBlob(content: BlobPart, fileName: string, mimeType: string): void {
  const blob = new Blob([content], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = sanitizeFileName(fileName);
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke on the next tick: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** UTF-8 byte-order mark: Excel and WPS on Windows read a CSV as GBK without it. */
export const UTF8_BOM = '\uFEFF';

/** Saves CSV text as UTF-8 with BOM. */
export const downloadCsv = (csv: string, fileName: string): void =>
  downloadBlob(UTF8_BOM + csv, fileName, 'text/csv;charset=utf-8');
