import { raw } from './fake-server.js';
import * as camel from './fixtures-camel.js';
import { ACTOR_ID as A, ALIAS, EXECUTION_ID as E, NONCE_ID as N } from './fixtures-camel.js';
import * as snake from './fixtures-snake.js';
import { ALL_BYTES, cased, deleted, same, type OperationCase } from './operation-case.js';

const syncReply = raw(ALL_BYTES, { 'content-type': 'application/octet-stream', 'x-abaco-execution-id': E });

/** The real service's operations beyond the seed: mailbox purge, synchronous messages, force-quit and aliases. */
export const EXTRA_CASES: OperationCase[] = [
  {
    name: 'deleteMessages',
    call: (c) => c.deleteMessages(A),
    method: 'DELETE',
    path: `/${A}/messages`,
    ...same({ msg: 'Actor mailbox purged.', _links: camel.messages._links }),
  },
  {
    name: 'sendSynchronousMessage',
    call: (c) => c.sendSynchronousMessage(A, { some_key: 1 }, { K: 'v' }),
    method: 'POST',
    path: `/${A}/messages`,
    query: { K: 'v', _abaco_synchronous: 'true' },
    json: { some_key: 1 },
    camel: syncReply,
    snake: syncReply,
    expected: { body: ALL_BYTES, contentType: 'application/octet-stream', executionId: E },
  },
  {
    name: 'deleteExecution',
    call: (c) => c.deleteExecution(A, E),
    method: 'DELETE',
    path: `/${A}/executions/${E}`,
    ...deleted,
  },
  {
    name: 'listAliases',
    call: (c) => c.listAliases(),
    method: 'GET',
    path: '/aliases',
    ...cased([camel.alias], [snake.alias]),
  },
  {
    name: 'addAlias',
    call: (c) => c.addAlias({ alias: ALIAS, actorId: A }),
    method: 'POST',
    path: '/aliases',
    json: { alias: ALIAS, actorId: A },
    ...cased(camel.alias, snake.alias),
  },
  {
    name: 'getAlias',
    call: (c) => c.getAlias(ALIAS),
    method: 'GET',
    path: `/aliases/${ALIAS}`,
    ...cased(camel.alias, snake.alias),
  },
  {
    name: 'updateAlias',
    call: (c) => c.updateAlias(ALIAS, A),
    method: 'PUT',
    path: `/aliases/${ALIAS}`,
    json: { actorId: A },
    ...cased(camel.alias, snake.alias),
  },
  {
    name: 'deleteAlias',
    call: (c) => c.deleteAlias(ALIAS),
    method: 'DELETE',
    path: `/aliases/${ALIAS}`,
    ...deleted,
  },
  {
    name: 'getAliasPermissions',
    call: (c) => c.getAliasPermissions(ALIAS),
    method: 'GET',
    path: `/aliases/${ALIAS}/permissions`,
    ...same(camel.permissions),
  },
  {
    name: 'updateAliasPermissions',
    call: (c) => c.updateAliasPermissions(ALIAS, { user: 'ABACO_WORLD', level: 'read' }),
    method: 'POST',
    path: `/aliases/${ALIAS}/permissions`,
    json: { user: 'ABACO_WORLD', level: 'read' },
    ...same(camel.permissions),
  },
  {
    name: 'addAliasNonce',
    call: (c) => c.addAliasNonce(ALIAS),
    method: 'POST',
    path: `/aliases/${ALIAS}/nonces`,
    json: {},
    ...cased(camel.nonce, snake.nonce),
  },
  {
    name: 'listAliasNonces',
    call: (c) => c.listAliasNonces(ALIAS),
    method: 'GET',
    path: `/aliases/${ALIAS}/nonces`,
    ...cased([camel.nonce], [snake.nonce]),
  },
  {
    name: 'getAliasNonce',
    call: (c) => c.getAliasNonce(ALIAS, N),
    method: 'GET',
    path: `/aliases/${ALIAS}/nonces/${N}`,
    ...cased(camel.nonce, snake.nonce),
  },
  {
    name: 'deleteAliasNonce',
    call: (c) => c.deleteAliasNonce(ALIAS, N),
    method: 'DELETE',
    path: `/aliases/${ALIAS}/nonces/${N}`,
    ...deleted,
  },
];
