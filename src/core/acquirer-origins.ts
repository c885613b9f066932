/**
 * Halyk ePay's payment form hosts (seed 003, ../shared/EPAY.md): the one list. ePay's endpoints are
 * built on it (src/epay/endpoints.ts), and KTPay's whole-window fallback offers an acquirer page
 * only on one of these origins (or on KTPay's own widget origin, src/ktpay/api.ts).
 */
export const HALYK_PAYFORM_ORIGINS = {
  test: 'https://test-epay.homebank.kz',
  production: 'https://epay.homebank.kz',
} as const;

/** The acquirers' own payment pages: Halyk ePay's form, test and production. */
export const ACQUIRER_PAGE_ORIGINS: readonly string[] = Object.values(HALYK_PAYFORM_ORIGINS);
