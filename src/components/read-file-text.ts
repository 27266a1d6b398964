/**
 * Reads a chosen file as UTF-8 text. FileReader rather than Blob.text(): older 360/QQ browser
 * cores (and jsdom) lack Blob.text(). Backup and settings files are written by this app as UTF-8.
 */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}
