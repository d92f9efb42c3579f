// The Authorization header for an operation's security scheme: `Bearer <partner>` or
// `Bearer <partner>, User <user>`. A missing token is reported here, before anything is sent.
import type { SecurityScheme } from './catalog';
import { MissingTokenError, ValidationError } from './errors';

export interface Credentials {
  partnerToken?: string;
  userToken?: string;
}

/** Printable ASCII without spaces: anything else would break the header (or inject another one). */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

export function authorizationHeader(scheme: SecurityScheme, creds: Credentials, operationId?: string): string {
  const partner = creds.partnerToken?.trim();
  const user = creds.userToken?.trim();
  const forOperation = operationId ? ` for ${operationId}` : '';
  if (!partner) {
    throw new MissingTokenError(`No partner token${forOperation}: every Altegio request needs one. Nothing was sent.`, {
      operationId,
      sent: false,
      reason: { code: 'missingToken', token: 'partner' },
      advice: 'signInPartner',
    });
  }
  checkShape('partnerToken', partner, operationId);
  if (scheme === 'BearerPartner') return `Bearer ${partner}`;
  if (!user) {
    throw new MissingTokenError(
      `No user token${forOperation}: this operation acts as an Altegio user. Nothing was sent.`,
      {
        operationId,
        sent: false,
        reason: { code: 'missingToken', token: 'user' },
        advice: 'signInUser',
      },
    );
  }
  checkShape('userToken', user, operationId);
  return `Bearer ${partner}, User ${user}`;
}

function checkShape(field: 'partnerToken' | 'userToken', token: string, operationId: string | undefined): void {
  if (TOKEN_SHAPE.test(token)) return;
  const label = field === 'partnerToken' ? 'partner token' : 'user token';
  throw new ValidationError(
    `The ${label} contains spaces or characters that cannot be sent in a header. Nothing was sent.`,
    {
      operationId,
      sent: false,
      fieldErrors: { [field]: ['contains spaces or characters that cannot be sent in a header'] },
      reason: { code: 'invalidRequest', problems: [{ field, problem: 'badToken' }] },
      advice: 'pasteTokenAgain',
    },
  );
}
