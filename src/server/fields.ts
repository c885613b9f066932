// Reading a JSON body field by field, collecting every problem instead of stopping at the first,
// so a rejected body says all that is wrong with it. Two flat payloads do not need a schema
// library; these rules also normalise what senders spell loosely (a PHP backend's "1000.00").

/** One thing wrong with a body: the field's dotted path ('' for the body itself) and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A parse that either gives the typed value or lists every problem. */
export type Parsed<K extends string, T> = ({ ok: true } & { [key in K]: T }) | { ok: false; problems: FieldProblem[] };

/** A field's reading: its value, why it is wrong, or (for a nested object) its fields' problems. */
type Rule<T> = (value: unknown) => { value: T } | { problem: string } | { problems: FieldProblem[] };

/** Longer strings are not what either payload carries. */
const MAX_TEXT = 4096;

export const text =
  ({ empty = false, pattern }: { empty?: boolean; pattern?: RegExp } = {}): Rule<string> =>
  (value) => {
    if (typeof value !== 'string') return { problem: 'must be a string' };
    if (!empty && value.trim() === '') return { problem: 'must not be empty' };
    if (value.length > MAX_TEXT) return { problem: `must be at most ${MAX_TEXT} characters` };
    if (pattern && !pattern.test(value)) return { problem: `must match ${pattern}` };
    return { value };
  };

/** An id senders write as a string or a number; read as a string. */
export const id =
  (pattern?: RegExp): Rule<string> =>
  (value) =>
    text({ ...(pattern ? { pattern } : {}) })(typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value);

/** A number, also from a decimal string; `integer` refuses fractions. */
export const number =
  ({ min, integer = false }: { min?: number; integer?: boolean } = {}): Rule<number> =>
  (raw) => {
    const value = typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'must be a number' };
    if (integer && !Number.isSafeInteger(value)) return { problem: 'must be an integer' };
    if (min !== undefined && value < min) return { problem: `must be at least ${min}` };
    return { value };
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Rule<T> =>
  (value) =>
    values.includes(value as T) ? { value: value as T } : { problem: `must be one of ${values.join(', ')}` };

/** An ISO 8601 date and time, kept as sent: "2019-02-05T14:22:53+06:00". */
export const dateTime: Rule<string> = (value) => {
  const shape = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
  if (typeof value !== 'string' || !shape.test(value) || Number.isNaN(Date.parse(value.replace(' ', 'T')))) {
    return { problem: 'must be an ISO 8601 date and time' };
  }
  return { value };
};

/** `null` or left out reads as null. */
export const nullable =
  <T>(rule: Rule<T>): Rule<T | null> =>
  (value) =>
    value === null || value === undefined ? { value: null } : rule(value);

/** Left out (or null) reads as undefined, and the key stays out of the result. */
export const optional =
  <T>(rule: Rule<T>): Rule<T | undefined> =>
  (value) =>
    value === null || value === undefined ? { value: undefined } : rule(value);

/** A nested object read with its own shape. */
export const object =
  <S extends Shape>(shape: S): Rule<Read<S>> =>
  (value) => {
    const problems: FieldProblem[] = [];
    const read = readShape(value, shape, problems);
    return read && problems.length === 0 ? { value: read } : { problems };
  };

type Shape = Record<string, Rule<unknown>>;
type Read<S extends Shape> = { [K in keyof S]: S[K] extends Rule<infer T> ? T : never };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the shape's own fields of `data` (anything else is ignored, so a sender may add fields),
 * pushing a problem per bad field, with nested objects' paths joined by dots.
 */
export function readShape<S extends Shape>(data: unknown, shape: S, problems: FieldProblem[]): Read<S> | undefined {
  if (!isPlainObject(data)) {
    problems.push({ field: '', message: 'must be a JSON object' });
    return undefined;
  }
  const result: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(shape)) {
    const raw = Object.hasOwn(data, field) ? data[field] : undefined;
    const read = rule(raw);
    if ('value' in read) {
      if (read.value !== undefined) result[field] = read.value;
    } else if ('problems' in read && raw !== undefined) {
      for (const inner of read.problems) problems.push({ field: inner.field ? `${field}.${inner.field}` : field, message: inner.message });
    } else {
      problems.push({ field, message: 'problem' in read && raw !== undefined ? read.problem : 'is required' });
    }
  }
  return result as Read<S>;
}

/**
 * A body as a server framework hands it over (raw bytes, text, or JSON already parsed) → a value,
 * or the problem that it is not JSON.
 */
export function jsonOf(body: unknown): { value: unknown } | { problem: FieldProblem } {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return { value: body };
  // TextDecoder drops a byte-order mark; a string may still start with one.
  const source = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : new TextDecoder().decode(body);
  try {
    return { value: JSON.parse(source) };
  } catch {
    return { problem: { field: '', message: 'is not JSON' } };
  }
}
