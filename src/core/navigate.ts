/**
 * Sends the whole page away. Only ever called with a URL that came out of `parseHttpUrl` and is
 * one of the merchant's own callback URLs or the provider's page on its pinned origin.
 */
export function navigateTo(url: URL): void {
  window.location.assign(url.href);
}
