import type { ActorsClientOptions } from '@actorkit/api';
import type { ActorsApi, Platform } from '../src/index.js';

/** The environment of a typical execution, for tests; `overrides` replace or (with undefined) remove variables. */
export function executionEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    MSG: 'hello',
    _abaco_Content_Type: 'str',
    '_abaco_Content-Type': 'str',
    _abaco_execution_id: 'EXEC000000001',
    _abaco_actor_id: 'ACTOR00000001',
    _abaco_actor_dbid: 'DEV_ACTOR00000001',
    _abaco_actor_name: 'test-actor',
    _abaco_worker_id: 'WORKER0000001',
    _abaco_username: 'alice',
    _abaco_container_repo: 'actorkit-dev/test:latest',
    _abaco_actor_revision: '3',
    _abaco_api_server: 'http://127.0.0.1:5000',
    _abaco_access_token: 'token-abc',
    _abaco_jwt_header_name: 'X-Jwt-Assertion-DEV',
    _abaco_actor_state: '{}',
    GREETING: 'hi',
    ...overrides,
  };
}

/** A recording stand-in for the API client: every call is kept, and answers are plausible. */
export class RecordingApi implements ActorsApi {
  readonly calls: { op: string; args: unknown[] }[] = [];
  constructor(readonly settings: ActorsClientOptions) {}
  private record(op: string, args: unknown[]): void {
    this.calls.push({ op, args });
  }
  updateState = async (actorId: string, body: unknown) => (
    this.record('updateState', [actorId, body]),
    { actorId, state: body }
  );
  getState = async (actorId: string) => (this.record('getState', [actorId]), { actorId, state: {} });
  sendMessage: ActorsApi['sendMessage'] = async (...args) => (
    this.record('sendMessage', args),
    { executionId: 'SENT000000001', msg: args[1], _links: {} }
  );
  sendBinaryMessage: ActorsApi['sendBinaryMessage'] = async (...args) => (
    this.record('sendBinaryMessage', args),
    { executionId: 'SENT000000002', msg: '', _links: {} }
  );
  addNonce: ActorsApi['addNonce'] = async (actorId, body = {}) => {
    this.record('addNonce', [actorId, body]);
    return {
      id: 'DEV_nonce1',
      actorId,
      alias: null,
      owner: 'alice',
      roles: [],
      level: 'EXECUTE',
      maxUses: Number(body.maxUses ?? -1),
      currentUses: 0,
      remainingUses: Number(body.maxUses ?? -1),
      description: '',
      createTime: '',
      lastUseTime: null,
      _links: {},
    };
  };
  listNonces: ActorsApi['listNonces'] = async (actorId) => (this.record('listNonces', [actorId]), []);
  deleteNonce: ActorsApi['deleteNonce'] = async (actorId, nonceId) => (
    this.record('deleteNonce', [actorId, nonceId]),
    'deleted'
  );
}

/** An in-memory platform for the runtime's own tests: what was logged, sent and called is kept. */
export class TestPlatform implements Platform {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly results: Uint8Array[] = [];
  api: RecordingApi | undefined;
  private clock = 0;
  constructor(
    readonly env: Record<string, string | undefined> = executionEnv(),
    private readonly binary?: Uint8Array,
  ) {}
  readBinary = async (): Promise<Uint8Array> => {
    if (!this.binary) throw new Error('no binary in this test platform');
    return this.binary;
  };
  sendResult = async (bytes: Uint8Array): Promise<void> => {
    this.results.push(bytes);
  };
  createClient = (settings: ActorsClientOptions): ActorsApi => (this.api = new RecordingApi(settings));
  now = (): number => (this.clock += 5);
  log = {
    write: (stream: 'stdout' | 'stderr', text: string) =>
      void (stream === 'stdout' ? this.stdout : this.stderr).push(text),
  };
}
