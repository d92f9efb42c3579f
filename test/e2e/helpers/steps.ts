// A scenario's steps build on each other: once one fails, the rest of that scenario is skipped (reported as
// pending), while the other scenarios still run. Mocha's own `this.bail(true)` cannot do this: it looks at the
// run's failure count, so one failure anywhere makes it skip every later file's suite as well.
//
//   describe('Issue a loyalty card', function () {
//     dependentSteps(this);
//     …
//   });

export function dependentSteps(suite: Mocha.Suite): void {
  let failed: string | undefined;
  suite.beforeEach(function () {
    if (failed) this.skip();
  });
  suite.afterEach(function () {
    if (this.currentTest?.state === 'failed') failed ??= this.currentTest.title;
  });
}
