/**
 * A held Enter repeats: the first press pays and moves focus into the modal, where the repeats
 * would press its close button and then Pay again. Only a fresh press activates anything.
 */
export function ignoreHeldKeys(event: KeyboardEvent): void {
  if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
}
