// The kinds of failure of an Altegio request, apart from the error classes so that the plain-data exchange types
// (http-types.ts) can name them without importing the errors that carry those types.
export type AltegioErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'unprocessable'
  | 'rate_limited'
  | 'server'
  | 'http'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'missing_token'
  | 'cancelled'
  | 'outcome_unknown';
