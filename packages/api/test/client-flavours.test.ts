import { describe, expect, it } from 'vitest';
import { ActorsClient, type ActorsClientOptions } from '../src/index.js';
import { expectRequest } from './expect-request.js';
import { FakeServer } from './fake-server.js';
import { ALL_CASES } from './operations.js';

interface Flavour {
  label: string;
  options: (origin: string) => ActorsClientOptions;
  prefix: string;
}

const FLAVOURS: Flavour[] = [
  { label: 'v2', options: (o) => ({ baseUrl: o, flavour: 'v2' }), prefix: '/actors/v2' },
  { label: 'v3', options: (o) => ({ baseUrl: o, flavour: 'v3' }), prefix: '/v3/actors' },
  { label: 'root', options: (o) => ({ baseUrl: o, flavour: 'root' }), prefix: '/actors' },
  { label: 'no flavour (v2)', options: (o) => ({ baseUrl: `${o}/` }), prefix: '/actors/v2' },
  {
    label: 'baseUrl with /actors/v2',
    options: (o) => ({ baseUrl: `${o}/actors/v2`, flavour: 'v3' }),
    prefix: '/actors/v2',
  },
  {
    label: 'baseUrl with /v3/actors/',
    options: (o) => ({ baseUrl: `${o}/v3/actors/` }),
    prefix: '/v3/actors',
  },
  {
    label: 'baseUrl behind a proxy path',
    options: (o) => ({ baseUrl: `${o}/tacc/actors` }),
    prefix: '/tacc/actors',
  },
];

describe.each(FLAVOURS)('client under $label', ({ options, prefix }) => {
  it('reports its base URL', async () => {
    await using server = await FakeServer.start();
    expect(new ActorsClient(options(server.origin)).baseUrl).toBe(server.origin + prefix);
  });

  it.each(ALL_CASES)('$name sends $method to its path and parses the answer', async (op) => {
    await using server = await FakeServer.start();
    server.reply(op.camel);
    const result = await op.call(new ActorsClient(options(server.origin)));
    expectRequest(server.last, op, prefix);
    expect(result).toEqual(op.expected);
  });
});
