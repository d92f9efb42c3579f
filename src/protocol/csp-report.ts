// Both apps report what their Content Security Policy refused, so that a violation (a style attribute, an
// inline script) shows in the log and fails the tests instead of silently breaking a feature.
import { object, str } from './guard';

export const CSP_VIOLATION_MESSAGE = {
  cspViolation: object({ directive: str({ max: 200 }), blocked: str({ max: 500 }) }),
};

export interface CspViolationMessage {
  type: 'cspViolation';
  directive: string;
  blocked: string;
}
