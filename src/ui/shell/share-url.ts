// Builds the share URL for the current page: same path (so it works under any sub-path), the
// scenario in the fragment, which never reaches a server.

/** `https://host/sub/path/` + `#s=` + payload, dropping any query or older fragment. */
export function shareUrl(location: { origin: string; pathname: string }, payload: string): string {
  return `${location.origin}${location.pathname}#s=${payload}`;
}
