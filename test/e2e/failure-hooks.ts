// Mocha root hooks for every scenario (loaded by .mocharc.json): when a test fails outside of `wb.step()` (which
// reports its own failures), save the failure report of each open workbench before the scenario closes it.
import { workbenchesOpen } from './helpers/workbench';

export const mochaHooks = {
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    for (const wb of workbenchesOpen()) await wb.reportFailure(test.title.slice(0, 60), test.err);
  },
};
