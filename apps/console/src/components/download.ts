/**
 * Saves what the API answered as a file. A link cannot carry the bearer token, so the file is
 * fetched with it and handed to the browser's download from memory.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its bytes by then; the memory is given back.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
