// Reading a JSON body field by field, collecting every problem instead of stopping at the first,
// so a rejected body says all that is wrong with it. Two flat payloads do not need a schema
// library; these rules also normalise what senders spell loosely (a PHP backend's "1000.00").
import { isObject } from '../util/is-object.js';

/** One thing wrong with a body: the field's dotted path ('' for the body itself) and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A parse that either gives the typed value or lists every problem. */
export type Parsed<K extends string, T> = ({ ok: true } & { [key in K]: T }) | { ok: false; problems: FieldProblem[] };

/** A field's reading: its value, why it is wrong, or (for a nested object) its fields' problems. */
export type Rule<T> = (value: unknown) => { value: T } | { problem: string } | { problems: FieldProblem[] };

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

type Shape = Record<string, Rule<unknown>>;
type Read<S extends Shape> = { [K in keyof S]: S[K] extends Rule<infer T> ? T : never };

/**
 * An object read with its own shape: the shape's own fields of it (anything else is ignored, so a
 * sender may add fields), or a problem per bad field, nested objects' paths joined by dots.
 */
export const object =
  <S extends Shape>(shape: S): Rule<Read<S>> =>
  (data) => {
    if (!isObject(data)) return { problem: 'must be a JSON object' };
    const result: Record<string, unknown> = {};
    const problems: FieldProblem[] = [];
    for (const [field, rule] of Object.entries(shape)) {
      const raw = Object.hasOwn(data, field) ? data[field] : undefined;
      const read = rule(raw);
      if ('value' in read) {
        if (read.value !== undefined) result[field] = read.value;
      } else if (raw === undefined) {
        problems.push({ field, message: 'is required' });
      } else if ('problems' in read) {
        for (const inner of read.problems) problems.push({ field: `${field}.${inner.field}`, message: inner.message });
      } else {
        problems.push({ field, message: read.problem });
      }
    }
    return problems.length === 0 ? { value: result as Read<S> } : { problems };
  };

/**
 * A body as a server framework hands it over (raw bytes, text, or JSON already parsed), read with
 * `shape`: the typed value, or every problem ('' is the body itself: not JSON, not an object).
 */
export function readBodyShape<S extends Shape>(body: unknown, shape: S): { ok: true; value: Read<S> } | { ok: false; problems: FieldProblem[] } {
  let data = body;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    // TextDecoder drops a byte-order mark; a string may still start with one.
    const source = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : new TextDecoder().decode(body);
    try {
      data = JSON.parse(source);
    } catch {
      return { ok: false, problems: [{ field: '', message: 'is not JSON' }] };
    }
  }
  const read = object(shape)(data);
  if ('value' in read) return { ok: true, value: read.value };
  return { ok: false, problems: 'problems' in read ? read.problems : [{ field: '', message: read.problem }] };
}
