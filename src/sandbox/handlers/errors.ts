// Typed API errors a handler throws; the router turns each into Altegio's error envelope.

/** An error answer with Altegio's envelope: `meta.message` and, for field problems, `meta.errors`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(what: string, id: unknown): ApiError {
  return new ApiError(404, `${what} ${String(id)} not found.`);
}

/** A semantic problem with one field (422), e.g. a duplicate card number. */
export function fieldProblem(field: string, message: string): ApiError {
  return new ApiError(422, message, { [field]: [message] });
}
