// The Accept header Altegio requires on every request. A request that does not accept the v2 response format
// gets a 400, as the API answers requests without its media type; a charset or other parameters are tolerated,
// and so is a list of media ranges as long as one of them is the API's type.
export const ALTEGIO_MEDIA_TYPE = 'application/vnd.api.v2+json';

/** Why the Accept header is unacceptable, or undefined when it is fine. */
export function acceptProblem(header: string | undefined): string | undefined {
  if (!header || !header.trim()) return `The Accept header is missing: send "Accept: ${ALTEGIO_MEDIA_TYPE}".`;
  const ranges = header.split(',').map((r) => r.split(';')[0].trim().toLowerCase());
  if (ranges.includes(ALTEGIO_MEDIA_TYPE)) return undefined;
  return `The Accept header must be "${ALTEGIO_MEDIA_TYPE}" (got "${header.slice(0, 100)}").`;
}
