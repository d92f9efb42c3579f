// How much the reliability suite does. The full profile (`npm run test:reliability`, whose figures the README
// quotes) runs the sizes the suite is specified with; the quick one (`RELIABILITY_PROFILE=quick`, what `npm test`
// and CI run) makes the same checks on fewer inputs so it takes well under a minute — still enough that each defect the
// suite guards against would fail it (30,000 unique 1–4 KB paths outgrow the memory bound if counters are unbounded).
import { note } from './figures';

export interface ReliabilityProfile {
  name: 'full' | 'quick';
  httpFuzzRequests: number;
  crashRounds: number;
  memoryRequests: number;
  memoryWarmUp: number;
  clientFaultPlans: number;
  guardMessages: number;
  redactionPlacements: number;
}

const FULL: ReliabilityProfile = {
  name: 'full',
  httpFuzzRequests: 2500,
  crashRounds: 20,
  memoryRequests: 100_000,
  memoryWarmUp: 10_000,
  clientFaultPlans: 250,
  guardMessages: 12_000,
  redactionPlacements: 3000,
};

const QUICK: ReliabilityProfile = {
  name: 'quick',
  httpFuzzRequests: 1000,
  crashRounds: 5,
  memoryRequests: 30_000,
  memoryWarmUp: 10_000,
  clientFaultPlans: 80,
  guardMessages: 10_000,
  redactionPlacements: 1000,
};

export const PROFILE: ReliabilityProfile = process.env.RELIABILITY_PROFILE === 'quick' ? QUICK : FULL;
note('profile', PROFILE.name);
