// Saves text as a file through the browser's download (export of the session, of a broken state).

export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click starts the download synchronously; release the blob once it has surely begun.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
