// A lazy value is built once, on first use; peeking at it never builds it (what activation must not load stays
// unloaded: disposing or asking the forms, the viewer or the tools before their first use loads nothing).
import * as assert from 'assert';
import { lazy } from '../../src/services/lazy';

describe('lazy values', () => {
  it('builds the value on the first get and keeps it', () => {
    let builds = 0;
    const value = lazy(() => ({ n: ++builds }));
    assert.strictEqual(builds, 0);
    const first = value.get();
    assert.strictEqual(value.get(), first);
    assert.strictEqual(builds, 1);
  });

  it('peeks without building: nothing before the first get, the same value after', () => {
    let builds = 0;
    const value = lazy(() => ({ n: ++builds }));
    assert.strictEqual(value.peek(), undefined);
    assert.strictEqual(builds, 0);
    assert.strictEqual(value.peek(), undefined);
    const built = value.get();
    assert.strictEqual(value.peek(), built);
    assert.strictEqual(builds, 1);
  });

  it('keeps a value that is undefined, building it once', () => {
    let builds = 0;
    const value = lazy(() => {
      builds++;
      return undefined;
    });
    value.get();
    value.get();
    assert.strictEqual(builds, 1);
  });
});
