/**
 * The URL as it is safe to show: origin and path only. Query strings (`?key=` for Gemini), fragments and
 * `user:password@` never reach a message, a log or a recording.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // Only web URLs have an origin and a path worth showing; anything else (`data:`, `file:`) is cut whole.
    if (!/^(https?|wss?):$/.test(parsed.protocol)) return `${parsed.protocol}<redacted>`;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '<invalid url>';
  }
}
