/** Trimmed text, or undefined when the value is absent or blank. */
export function text(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'boolean') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}
