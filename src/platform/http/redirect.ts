/**
 * The one check for a return address a request carries (`next` after sign-in or break-glass):
 * only a path on this site. Browsers read `\` as `/` and drop tabs and newlines inside a URL,
 * so `/\evil.example/`, `/\t/evil.example` and `//evil.example` all lead off-site; a newline
 * would also break the Location header. The address is resolved against a placeholder origin
 * the way a browser would, and kept only when it stays on that origin; what is returned is the
 * resolved path (with its query and fragment), never the raw input.
 */
const PLACEHOLDER_ORIGIN = 'https://selfdirect.invalid';
const MAX_LENGTH = 2000;

export function safeRedirectPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_LENGTH) return fallback;
  if (!next.startsWith('/') || next.startsWith('//')) return fallback;
  // Backslashes and every control or whitespace character (including Unicode line separators).
  if (/[\\\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
