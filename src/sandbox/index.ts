// The local Altegio-compatible sandbox, for tests, benchmarks, `npm run sandbox` and the extension's
// "Altegio: Start Local Sandbox". Plain Node: no vscode import anywhere below this folder.
export { startSandbox, type SandboxHandle, type SandboxOptions } from './server';
export {
  DEMO_CREDENTIALS,
  DEMO_LOGIN,
  DEMO_PARTNER_TOKEN,
  DEMO_PASSWORD,
  DEMO_USER_NAME,
  DEMO_USER_TOKEN,
  type SandboxCredentials,
} from './credentials';
export { FAULT_HEADER, parseFaultHeader, type Fault, type FaultOptions, type FaultRule } from './faults';
export { ALTEGIO_RATE_LIMIT, type RateLimitOptions } from './rate-limit';
export { SandboxDataError } from './persistence';
export type { SandboxStats } from './stats';
export { API_PREFIX } from './app';
export { ALTEGIO_MEDIA_TYPE } from './accept';
