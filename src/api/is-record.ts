// The one test for "a JSON object" (not null, not an array) that the core, the host and the webview apps share.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
