/**
 * What an actor container is given: the names of its environment variables, where its binary input and results
 * socket live, and the size of one result. Shared by the emulator (which hands them out) and the runtime (which
 * reads them), so the two cannot drift apart.
 */
export const ABACO_ENV = {
  message: 'MSG',
  /** The only spelling the service sets (`controllers.py`, `events.py`); the emulator sets this one alone. */
  contentType: '_abaco_Content_Type',
  /**
   * The spelling agavepy's and tapipy's `get_context()` read, which the service never sets (their `content_type` is
   * None there). Nothing sets it; readers accept it only as a fallback, when `_abaco_Content_Type` is absent.
   */
  contentTypeDash: '_abaco_Content-Type',
  executionId: '_abaco_execution_id',
  actorId: '_abaco_actor_id',
  actorDbId: '_abaco_actor_dbid',
  /** The actor's name; the string `None` for an unnamed actor (`worker.py` writes Python's `str(None)`). */
  actorName: '_abaco_actor_name',
  workerId: '_abaco_worker_id',
  username: '_abaco_username',
  containerRepo: '_abaco_container_repo',
  actorRevision: '_abaco_actor_revision',
  apiServer: '_abaco_api_server',
  accessToken: '_abaco_access_token',
  jwtHeaderName: '_abaco_jwt_header_name',
  actorState: '_abaco_actor_state',
  /**
   * The configs that name the actor (or one of its aliases): a Python dict literal of name to value, secrets
   * decrypted; `{}` when none. Always set.
   */
  actorConfigs: '_actor_configs',
} as const;

/** Environment names the platform sets; everything else in a container's environment is the user's. */
export const RESERVED_ENV_NAMES: ReadonlySet<string> = new Set<string>([...Object.values(ABACO_ENV)]);

/** Where the container finds the binary message (a FIFO) and the results socket (Unix, SOCK_DGRAM). */
export const BINARY_DATA_PATH = '/_abaco_binary_data';
export const RESULTS_SOCKET_PATH = '/_abaco_results.sock';

/**
 * Overrides for the two paths above, set by the local process executor (a process cannot be given files at `/`).
 * The real service never sets them, so code reading them runs unchanged there.
 */
export const ACTORKIT_ENV = {
  binaryDataPath: 'ACTORKIT_BINARY_DATA_PATH',
  resultsSocketPath: 'ACTORKIT_RESULTS_SOCKET_PATH',
  /** The binary message's size in bytes, set by the emulator so the runtime reads exactly that much. */
  binaryDataSize: 'ACTORKIT_BINARY_DATA_SIZE',
  /** Set to `json` when the emulator writes MSG and state as JSON instead of Python literals. */
  messageFormat: 'ACTORKIT_MESSAGE_FORMAT',
} as const;

/** The largest result: one datagram on the results socket. */
export const MAX_RESULT_BYTES = 131_072;

/** What `_abaco_actor_name` holds for an actor without a name. */
export const UNNAMED_ACTOR_NAME = 'None';

/** The message a cron execution receives. */
export const CRON_MESSAGE = 'This is your cron execution';

/** The three content types a message can carry, as `_abaco_Content_Type` names them. */
export const MESSAGE_CONTENT_TYPES = ['str', 'application/json', 'application/octet-stream'] as const;
export type MessageContentType = (typeof MESSAGE_CONTENT_TYPES)[number];
