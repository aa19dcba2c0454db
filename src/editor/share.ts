/**
 * Code in the URL: `#code=<base64url of the UTF-8 text>`. Pure functions, usable in Node.
 */
const PREFIX = 'code=';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64url (RFC 4648 §5, no padding) of the UTF-8 bytes of `code`. */
export function encodeCode(code: string): string {
  return toBase64(new TextEncoder().encode(code)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of `encodeCode`; null when `text` is not valid base64url of UTF-8. */
export function decodeCode(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null; // not a share link we can read: the caller falls back to the saved code
  }
}

/** The URL hash that shares `code` (with its leading `#`). */
export function shareHash(code: string): string {
  return `#${PREFIX}${encodeCode(code)}`;
}

/** The code a URL hash shares, or null when it shares none. */
export function codeFromHash(hash: string): string | null {
  const params = hash.replace(/^#/, '').split('&');
  const field = params.find((param) => param.startsWith(PREFIX));
  return field === undefined ? null : decodeCode(field.slice(PREFIX.length));
}
