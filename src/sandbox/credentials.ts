// The sandbox's fixed demo credentials. They only open the local sandbox, so they may be printed and published
// on the loopback-only /__sandbox/info endpoint; they are shaped like real tokens so the extension treats them
// exactly as it treats real ones (SecretStorage, masking).

export interface SandboxCredentials {
  partnerToken: string;
  userToken: string;
  /** Sign-in login of the demo user, for POST /auth. */
  login: string;
  password: string;
  userName: string;
}

export const DEMO_PARTNER_TOKEN = 'p7Kx2Qm9Wv4Lr8Tn3Hc6Jd1Fg5Zb0Ys';
export const DEMO_USER_TOKEN = 'u4Rb8Nc1Xq6Mv3Tz9Lw2Hp7Jd5Gk0Fs';
export const DEMO_LOGIN = 'demo@sandbox.alteg.io';
export const DEMO_PASSWORD = 'bloom-demo-2026';
export const DEMO_USER_ID = 12346;
export const DEMO_USER_NAME = 'Alex Morgan';

export const DEMO_CREDENTIALS: Readonly<SandboxCredentials> = Object.freeze({
  partnerToken: DEMO_PARTNER_TOKEN,
  userToken: DEMO_USER_TOKEN,
  login: DEMO_LOGIN,
  password: DEMO_PASSWORD,
  userName: DEMO_USER_NAME,
});

/**
 * The business owner from the reference sample data. His login and password are the ones the OpenAPI document
 * shows for POST /auth, so that the documented example signs in too; his user token is his own.
 */
export const OWNER_USER = Object.freeze({
  id: 12345,
  name: 'James Smith',
  login: 'j.smith@example.com',
  password: 'testpass',
  userToken: 'wq3Lm8Vx1Rt6Kb9Nz4Hc2Jf7Pd5Gs0Ya',
});
