import { z } from 'zod';

/**
 * Form bodies (`name=foo&stateless=false`) carry every value as a string. These helpers accept the JSON type or
 * its form spelling, so one schema validates both body kinds and still names the field when a value is wrong.
 */
const TRUE = new Set(['true', 'True', 'TRUE', '1', 'yes']);
const FALSE = new Set(['false', 'False', 'FALSE', '0', 'no']);

export const formBoolean = () =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    return v;
  }, z.boolean());

export const formInt = () =>
  z.preprocess((v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v), z.number().int());

export const formNumber = () =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v),
    z.number(),
  );

/** An object given as JSON text (the only way a form field can carry one). */
export const formJsonObject = <T extends z.ZodType>(inner: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v; // left as text: the inner schema reports "expected object" and names the field
    }
  }, inner);

/** A list given as JSON text or as a comma-separated string (the real service accepts both for hints). */
export const formStringList = () =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim();
    if (t.startsWith('[')) {
      try {
        return JSON.parse(t);
      } catch {
        return v;
      }
    }
    return t === '' ? [] : t.split(',').map((s) => s.trim());
  }, z.array(z.string()));
