import { raw } from './fake-server.js';
import * as camel from './fixtures-camel.js';
import { ACTOR_ID as A, EXECUTION_ID as E, NONCE_ID as N, WORKER_ID as W } from './fixtures-camel.js';
import * as snake from './fixtures-snake.js';
import { ALL_BYTES, cased, deleted, same, type OperationCase } from './operation-case.js';

const actorBody = {
  image: 'abacosamples/wc',
  name: 'word-count',
  stateless: false,
  defaultEnvironment: { MY_VAR: 'x' },
};
const env = { N: 2, FLAG: true, some_var: 'x y' };
const envQuery = { N: '2', FLAG: 'true', some_var: 'x y' };

/** The 25 operations of the agavepy `actors` reference, by name. */
export const SEED_CASES: OperationCase[] = [
  {
    name: 'list',
    call: (c) => c.list(),
    method: 'GET',
    path: '',
    query: { limit: '250', offset: '0' },
    ...cased([camel.actor], [snake.actor]),
  },
  {
    name: 'add',
    call: (c) => c.add(actorBody),
    method: 'POST',
    path: '',
    json: actorBody,
    ...cased(camel.actor, snake.actor),
  },
  { name: 'get', call: (c) => c.get(A), method: 'GET', path: `/${A}`, ...cased(camel.actor, snake.actor) },
  {
    name: 'update',
    call: (c) => c.update(A, actorBody),
    method: 'PUT',
    path: `/${A}`,
    json: actorBody,
    ...cased(camel.actor, snake.actor),
  },
  { name: 'delete', call: (c) => c.delete(A), method: 'DELETE', path: `/${A}`, ...deleted },
  {
    name: 'getMessages',
    call: (c) => c.getMessages(A),
    method: 'GET',
    path: `/${A}/messages`,
    ...cased(camel.messages, snake.messages),
  },
  {
    name: 'sendMessage',
    call: (c) => c.sendMessage(A, 'hello world', env),
    method: 'POST',
    path: `/${A}/messages`,
    query: envQuery,
    json: { message: 'hello world' },
    ...cased(camel.messageResponse, snake.messageResponse),
  },
  {
    name: 'sendBinaryMessage',
    call: (c) => c.sendBinaryMessage(A, ALL_BYTES, env),
    method: 'POST',
    path: `/${A}/messages`,
    query: envQuery,
    bytes: ALL_BYTES,
    ...cased(camel.messageResponse, snake.messageResponse),
  },
  {
    name: 'getState',
    call: (c) => c.getState(A),
    method: 'GET',
    path: `/${A}/state`,
    ...cased(camel.state, snake.state),
  },
  {
    name: 'updateState',
    call: (c) => c.updateState(A, { some_key: 1, nested_obj: { inner_key: [1, 2] } }),
    method: 'POST',
    path: `/${A}/state`,
    json: { some_key: 1, nested_obj: { inner_key: [1, 2] } },
    // the service answers the whole actor, state included
    ...cased(camel.actor, snake.actor),
  },
  {
    name: 'getPermissions',
    call: (c) => c.getPermissions(A),
    method: 'GET',
    path: `/${A}/permissions`,
    ...same(camel.permissions),
  },
  {
    name: 'updatePermissions',
    call: (c) => c.updatePermissions(A, { user: 'john_smith', level: 'EXECUTE' }),
    method: 'POST',
    path: `/${A}/permissions`,
    json: { user: 'john_smith', level: 'EXECUTE' },
    ...same(camel.permissions),
  },
  {
    name: 'addWorker',
    call: (c) => c.addWorker(A, { num: 2 }),
    method: 'POST',
    path: `/${A}/workers`,
    json: { num: 2 },
    ...same(null),
  },
  {
    name: 'listWorkers',
    call: (c) => c.listWorkers(A),
    method: 'GET',
    path: `/${A}/workers`,
    ...cased([camel.worker], [snake.worker], [camel.workerRead]),
  },
  {
    name: 'getWorker',
    call: (c) => c.getWorker(A, W),
    method: 'GET',
    path: `/${A}/workers/${W}`,
    ...cased(camel.worker, snake.worker, camel.workerRead),
  },
  {
    name: 'deleteWorker',
    call: (c) => c.deleteWorker(A, W),
    method: 'DELETE',
    path: `/${A}/workers/${W}`,
    ...deleted, // result null: "Worker scheduled to be stopped." is the message
  },
  {
    name: 'addNonce',
    call: (c) => c.addNonce(A, { maxUses: 5, level: 'EXECUTE', description: 'for the webhook' }),
    method: 'POST',
    path: `/${A}/nonces`,
    json: { maxUses: 5, level: 'EXECUTE', description: 'for the webhook' },
    ...cased(camel.nonce, snake.nonce),
  },
  {
    name: 'listNonces',
    call: (c) => c.listNonces(A),
    method: 'GET',
    path: `/${A}/nonces`,
    ...cased([camel.nonce], [snake.nonce]),
  },
  {
    name: 'getNonce',
    call: (c) => c.getNonce(A, N),
    method: 'GET',
    path: `/${A}/nonces/${N}`,
    ...cased(camel.nonce, snake.nonce),
  },
  {
    name: 'deleteNonce',
    call: (c) => c.deleteNonce(A, N),
    method: 'DELETE',
    path: `/${A}/nonces/${N}`,
    ...deleted,
  },
  {
    name: 'listExecutions',
    call: (c) => c.listExecutions(A, 10, 20),
    method: 'GET',
    path: `/${A}/executions`,
    query: { limit: '10', offset: '20' },
    ...cased(camel.executionsSummary, snake.executionsSummary, camel.executionsSummaryRead),
  },
  {
    name: 'addExecution',
    call: (c) => c.addExecution(A, { runtime: 2100, cpu: 1200, io: 8 }),
    method: 'POST',
    path: `/${A}/executions`,
    json: { runtime: 2100, cpu: 1200, io: 8 },
    ...cased(camel.execution, snake.execution),
  },
  {
    name: 'getExecution',
    call: (c) => c.getExecution(A, E),
    method: 'GET',
    path: `/${A}/executions/${E}`,
    ...cased(camel.execution, snake.execution),
  },
  {
    name: 'getOneExecutionResult',
    call: (c) => c.getOneExecutionResult(A, E),
    method: 'GET',
    path: `/${A}/executions/${E}/results`,
    camel: raw(ALL_BYTES),
    snake: raw(ALL_BYTES),
    expected: ALL_BYTES,
  },
  {
    name: 'getExecutionLogs',
    call: (c) => c.getExecutionLogs(A, E),
    method: 'GET',
    path: `/${A}/executions/${E}/logs`,
    ...cased(camel.logs, snake.logs),
  },
];
