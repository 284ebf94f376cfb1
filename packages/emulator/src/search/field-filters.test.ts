import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import {
  BETWEEN_COMMA_TEXT,
  BETWEEN_TYPES_TEXT,
  coerceValue,
  conditionsFor,
  DATETIME_FORMAT_TEXT,
  fieldConditions,
  normalizeKey,
} from './field-filters.js';

function rejection(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('search field filters', () => {
  describe('keys', () => {
    it('converts the first dotted segment of a camel key to snake case, and only in camel mode', () => {
      expect(normalizeKey('startTime.gte', 'camel')).toBe('start_time.gte');
      expect(normalizeKey('finalState.StartedAt', 'camel')).toBe('final_state.StartedAt');
      expect(normalizeKey('final_state.StartedAt', 'camel')).toBe('final_state.StartedAt');
      expect(normalizeKey('_links.owner', 'camel')).toBe('_links.owner');
      expect(normalizeKey('startTime', 'snake')).toBe('startTime');
    });

    it('leaves search, exactsearch, skip, limit and x-nonce out of the filters', () => {
      const params = ['search', 'exactsearch', 'skip', 'limit', 'x-nonce'].map((k) => [k, '1'] as const);
      expect(fieldConditions([...params, ['status', 'READY']], 'camel')).toEqual([
        { key: 'status', path: ['status'], operator: 'eq', value: 'READY' },
      ]);
    });
  });

  describe('value coercion, in order', () => {
    it('reads true, false and none in any case first, even on a time key', () => {
      expect(coerceValue('stateless', 'TRUE')).toBe(true);
      expect(coerceValue('stateless', 'False')).toBe(false);
      expect(coerceValue('start_time', 'None')).toBeNull();
    });

    it('reads a datetime when the key contains a time field name, wherever in the key', () => {
      expect(coerceValue('start_time.gte', '2020')).toEqual(new Date('2020-01-01T00:00:00Z'));
      expect(coerceValue('final_state.FinishedAt', '2020-05:00')).toEqual(new Date('2020-01-01T05:00:00Z'));
      expect(coerceValue('my_create_time_x', '2021-02-03T04:05')).toEqual(new Date('2021-02-03T04:05:00Z'));
    });

    it("answers the service's datetime text with 400 for a bad time", () => {
      const error = rejection(() => coerceValue('create_time', '2020-02-30'));
      expect(error.status).toBe(400);
      expect(error.message.startsWith(DATETIME_FORMAT_TEXT)).toBe(true);
    });

    it('then a float, then JSON with single quotes read as double, then the string', () => {
      expect(coerceValue('revision', '2')).toBe(2);
      expect(coerceValue('revision', '2.5e1')).toBe(25);
      expect(coerceValue('status', '["A", "B"]')).toEqual(['A', 'B']);
      expect(coerceValue('status', "['A','B']")).toEqual(['A', 'B']);
      expect(coerceValue('state', "{'k': 1}")).toEqual({ k: 1 });
      expect(coerceValue('name', 'null')).toBeNull();
      expect(coerceValue('name', 'plain words')).toBe('plain words');
      expect(coerceValue('name', "it's")).toBe("it's");
    });
  });

  describe('operators', () => {
    it('finds each suffix and takes the field before it', () => {
      const op = (key: string) => conditionsFor(key, '1').map((c) => [c.path.join('.'), c.operator]);
      expect(op('revision.neq')).toEqual([['revision', 'ne']]);
      expect(op('revision.eq')).toEqual([['revision', 'eq']]);
      expect(op('revision.lte')).toEqual([['revision', 'lte']]);
      expect(op('revision.lt')).toEqual([['revision', 'lt']]);
      expect(op('revision.gte')).toEqual([['revision', 'gte']]);
      expect(op('revision.gt')).toEqual([['revision', 'gt']]);
      expect(op('revision')).toEqual([['revision', 'eq']]);
      expect(op('default_environment.KEY.eq')).toEqual([['default_environment.KEY', 'eq']]);
    });

    it('finds suffixes by substring, in the listed order', () => {
      expect(conditionsFor('revision.eq.x', '1')[0]).toMatchObject({ path: ['revision'], operator: 'eq' });
      expect(conditionsFor('a.lte', '1')[0]?.operator).toBe('lte');
      expect(conditionsFor('default_environment.input', '[1]')[0]).toMatchObject({
        path: ['default_environment'],
        operator: 'in',
      });
    });

    it('needs a list for .in and .nin', () => {
      expect(conditionsFor('status.in', "['READY','ERROR']")[0]?.value).toEqual(['READY', 'ERROR']);
      expect(conditionsFor('status.nin', '["READY"]')[0]?.operator).toBe('nin');
      const error = rejection(() => conditionsFor('status.in', 'READY'));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^\$in needs an array/);
    });

    it('turns .between into gte and lte, with floats or datetimes', () => {
      expect(conditionsFor('runtime.between', '1,5')).toMatchObject([
        { path: ['runtime'], operator: 'gte', value: 1 },
        { path: ['runtime'], operator: 'lte', value: 5 },
      ]);
      expect(conditionsFor('start_time.between', '2020,2021-06')).toMatchObject([
        { operator: 'gte', value: new Date('2020-01-01T00:00:00Z') },
        { operator: 'lte', value: new Date('2021-06-01T00:00:00Z') },
      ]);
    });

    it("answers the service's .between texts with 400", () => {
      expect(
        rejection(() => conditionsFor('runtime.between', '5')).message.startsWith(BETWEEN_COMMA_TEXT),
      ).toBe(true);
      expect(
        rejection(() => conditionsFor('runtime.between', '1,2020-01')).message.startsWith(BETWEEN_TYPES_TEXT),
      ).toBe(true);
      expect(rejection(() => conditionsFor('runtime.between', 'a,b')).status).toBe(400);
    });

    it('compiles .like and .nlike from the raw value, and refuses an invalid regex with 400', () => {
      const [like] = conditionsFor('name.like', '12');
      expect(like?.value).toEqual(/12/);
      expect(conditionsFor('name.nlike', '^a')[0]?.operator).toBe('nlike');
      const error = rejection(() => conditionsFor('name.like', '('));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/not a valid regular expression/);
    });
  });
});
