// The error a client call must fail with: the tests of the client's failures read its kind, message and flags.
import * as assert from 'assert';
import { isAltegioError, type AltegioError } from '../../../src/api/errors';

/** Resolves with the AltegioError the promise rejects with; fails the test when it succeeds or throws another error. */
export async function failure(promise: Promise<unknown>): Promise<AltegioError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) assert.fail(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  assert.ok(isAltegioError(outcome.error), `expected an AltegioError, got ${String(outcome.error)}`);
  return outcome.error;
}
