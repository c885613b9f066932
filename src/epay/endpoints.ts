import { HALYK_PAYFORM_ORIGINS } from '../core/acquirer-origins.js';
import { parseHttpUrl } from '../params/url.js';

/**
 * Halyk ePay's hosts (seed 003 for the token and the script; public integrations for the rest:
 * ../shared/EPAY.md). `test-mode` picks the column; each can be overridden where it is used.
 */
export const EPAY_ENDPOINTS = {
  test: {
    token: 'https://testoauth.homebank.kz/epay2/oauth2/token',
    script: `${HALYK_PAYFORM_ORIGINS.test}/payform/payment-api.js`,
    payform: `${HALYK_PAYFORM_ORIGINS.test}/payform/`,
    api: 'https://testepay.homebank.kz/api',
  },
  production: {
    token: 'https://epay-oauth.homebank.kz/oauth2/token',
    script: `${HALYK_PAYFORM_ORIGINS.production}/payform/payment-api.js`,
    payform: `${HALYK_PAYFORM_ORIGINS.production}/payform/`,
    api: 'https://epay-api.homebank.kz',
  },
} as const;

/** `test` or `production`: a column of {@link EPAY_ENDPOINTS}. */
export type EpayEnvironment = keyof typeof EPAY_ENDPOINTS;

/** The hosts for `test-mode` on or off, so one flag picks every host and none is mixed. */
export const epayEndpoints = (test: boolean) => EPAY_ENDPOINTS[test ? 'test' : 'production'];

/** The attributes that choose where an ePay payment goes, as the element holds them (unvalidated). */
export interface EpayEndpointAttributes {
  testMode?: boolean;
  epayScriptUrl?: string | null;
}

/** Halyk's script origin (its form is beside it), for a connection hint when the buyer shows intent. */
export function epayScriptOrigin({ testMode, epayScriptUrl }: EpayEndpointAttributes, base: string): string | undefined {
  return parseHttpUrl(epayScriptUrl || epayEndpoints(testMode === true).script, base)?.origin;
}
