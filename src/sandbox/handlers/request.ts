// What a handler reads from a validated request: path ids, the body, a field's presence, phone digits.
import type { HandlerContext } from './handler';

/** A path parameter the schema declares as an integer (validation has already converted it). */
export function idParam(ctx: HandlerContext, name: string): number {
  return ctx.pathParams[name] as number;
}

/** The body as an object; validation guarantees the shape for operations that declare one. */
export function bodyOf(ctx: HandlerContext): Record<string, unknown> {
  const body = ctx.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Digits only: "+1 315 555-0179" and 13155550179 both become "13155550179". */
export function phoneDigits(value: unknown): string {
  return String(value ?? '').replace(/[^0-9]/g, '');
}

export function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}
