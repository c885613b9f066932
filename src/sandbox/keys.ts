/**
 * The sandbox's published key pair and app id. TEST ONLY: the secret key is public on purpose, so
 * anything sealed to SANDBOX_APP_KEY is readable by anyone. Never use these with real KTPay.
 */
export const SANDBOX_APP_ID = 'sandbox-96207d854e8edeca1e03dcc872404c31';
export const SANDBOX_APP_KEY = 'bXaEMUkum1Lw+Y4LBpzjThulVr655X3zNSjlJ71A/04=';
export const SANDBOX_SECRET_KEY = '8Fg9qaaSFmtPGFPs/firnYUG6xGpXf4LByO3AkH+zws=';
