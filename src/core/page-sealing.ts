import { text } from '../params/text.js';

/** What says whether the page seals the order itself. */
export interface SealerInput {
  provider?: unknown;
  sealUrl?: unknown;
}

/** KTPay (the default) without `seal-url`: the order is sealed on the page, with libsodium. */
export function sealsOnPage({ provider, sealUrl }: SealerInput): boolean {
  return text(provider) !== 'epay' && text(sealUrl) === undefined;
}
