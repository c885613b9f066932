// The page behind an open modal must not scroll. Counted, so two elements' modals (one after
// another, or a merchant's own lock) restore exactly what was there before.
let locks = 0;
let previousOverflow = '';

export function lockPageScroll(): void {
  if (locks++ > 0) return;
  const root = document.documentElement;
  previousOverflow = root.style.overflow;
  root.style.overflow = 'hidden';
}

export function unlockPageScroll(): void {
  if (locks === 0 || --locks > 0) return;
  document.documentElement.style.overflow = previousOverflow;
}
