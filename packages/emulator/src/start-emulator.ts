import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { ActorsClient, type ApiFlavour, type Credentials } from '@actorkit/api';
import createDebug from 'debug';
import { resolveLocalToken } from './auth/local-token.js';
import { DEFAULT_LOCAL_ROLES, DEFAULT_TENANT, defaultUserName, type AuthConfig } from './auth/users.js';
import type { EmulatorContext } from './context.js';
import { createApp } from './create-app.js';
import { DEFAULT_QUEUES } from './domain/actor-settings.js';
import { systemClock } from './domain/clock.js';
import { DEFAULT_BODY_LIMITS } from './http/body-parsers.js';
import { Mailbox } from './mailbox/mailbox.js';
import type { StartEmulatorOptions } from './options.js';
import { closePool, resolvePool, type ResolvedPool } from './seams/pool-factory.js';
import { Store } from './store/store.js';

const debug = createDebug('actorkit:emulator');

export interface RunningEmulator extends AsyncDisposable {
  /** The server, e.g. `http://127.0.0.1:8000`; the API is under `/actors/v2`, `/v3/actors` and `/actors`. */
  url: string;
  /** The local user and its bearer token. */
  user: string;
  token: string;
  /** A client on `/actors/v2` acting as the local user. */
  client: ActorsClient;
  /** A client on another base or with other credentials. */
  clientFor(flavour: ApiFlavour, credentials?: Credentials): ActorsClient;
  store: Store;
  mailbox: Mailbox;
  /** Where the store lives; null in memory. */
  dataDir: string | null;
  /** Stops accepting, finishes in-flight requests (and their writes), stops the pool, closes the store. */
  dispose(): Promise<void>;
}

export class EmulatorStartError extends Error {
  override readonly name = 'EmulatorStartError';
}

/**
 * The connections that have not sent a request yet. Node's `closeIdleConnections` leaves them open, and clients
 * open them ahead of use (undici does after an aborted request), so a stop would wait for the client to drop them.
 */
function unusedConnections(server: Server): Set<Socket> {
  const unused = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  server.on('request', (req: { socket: Socket }) => unused.delete(req.socket));
  return unused;
}

async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const hint =
      code === 'EADDRINUSE'
        ? `port ${port} is in use; pass another port (--port), or 0 for any free one`
        : (cause as Error).message;
    throw new EmulatorStartError(`the emulator could not listen on ${host}:${port}: ${hint}`, { cause });
  }
  return server.address() as AddressInfo;
}

/** Starts the emulator: store, app, HTTP server. The library entry behind `actorkit up`. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const dataDir = options.inMemory ? null : resolve(options.dataDir ?? '.actorkit');
  const clock = options.clock ?? systemClock;
  const store = new Store({ dataDir, clock });
  try {
    const auth: AuthConfig = {
      localUser: {
        name: options.user ?? defaultUserName(),
        token: resolveLocalToken(dataDir, options.token),
        roles: options.roles ?? DEFAULT_LOCAL_ROLES,
      },
      users: (options.users ?? []).map((u) => ({ name: u.name, token: u.token, roles: u.roles ?? ['user'] })),
      trustJwt: options.trustJwt ?? false,
      noAuth: options.noAuth ?? false,
      tenant: options.tenant ?? DEFAULT_TENANT,
    };
    const mailbox = new Mailbox(store);
    let url = '';
    const resolved = resolvePool(options.workerPool, options.executionControl, {
      store,
      mailbox,
      clock,
      tenant: auth.tenant,
      executor: options.executor ?? null,
      apiServer: () => url,
      dataDir,
    });
    const ctx: EmulatorContext = {
      store,
      mailbox,
      pool: resolved.pool,
      control: resolved.control,
      executor: options.executor ?? null,
      auth,
      keyCase: options.keyCase ?? 'camel',
      limits: {
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_BODY_LIMITS.maxBodyBytes,
        maxBinaryBytes: options.maxBinaryBytes ?? DEFAULT_BODY_LIMITS.maxBinaryBytes,
      },
      clock,
      actorSettings: {
        defaultToken: options.defaultToken ?? null,
        tenantDefaultTokens: { ...options.tenantDefaultTokens },
        queues: [...(options.queues ?? DEFAULT_QUEUES)],
        allowPrivileged: options.allowPrivileged ?? false,
      },
      originPolicy: {
        allowedOrigins: options.corsOrigins ?? [],
        allowedHosts: options.allowedHosts ?? [],
        boundHost: options.host ?? '127.0.0.1',
      },
    };
    const server = createServer(createApp(ctx));
    const unused = unusedConnections(server);
    const host = options.host ?? '127.0.0.1';
    const address = await listen(server, options.port ?? 0, host);
    url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    debug('listening on %s (data: %s)', url, dataDir ?? 'memory');
    if (resolved.pool.start) {
      await resolved.pool.start().catch(async (cause: unknown) => {
        await shutdown(server, unused, 0, ctx, resolved);
        throw new EmulatorStartError(`the worker pool could not start: ${(cause as Error).message}`, {
          cause,
        });
      });
    }
    const clientFor = (
      flavour: ApiFlavour,
      credentials: Credentials = { kind: 'bearer', token: auth.localUser.token },
    ) => new ActorsClient({ baseUrl: url, flavour, credentials });
    let disposing: Promise<void> | null = null;
    const dispose = () =>
      (disposing ??= shutdown(server, unused, options.shutdownTimeoutMs ?? 5000, ctx, resolved));
    return {
      url,
      user: auth.localUser.name,
      token: auth.localUser.token,
      client: clientFor('v2'),
      clientFor,
      store,
      mailbox: ctx.mailbox,
      dataDir,
      dispose,
      [Symbol.asyncDispose]: dispose,
    };
  } catch (cause) {
    store.close();
    throw cause;
  }
}

async function shutdown(
  server: Server,
  unused: Set<Socket>,
  timeoutMs: number,
  ctx: EmulatorContext,
  pool: ResolvedPool,
): Promise<void> {
  const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  ctx.store.changes.release(); // blocking reads answer now instead of holding the close up
  // Keep-alive connections become idle as their in-flight requests finish: close them as they do.
  const closeIdle = () => {
    server.closeIdleConnections();
    for (const socket of unused) socket.destroy();
  };
  closeIdle();
  const sweep = setInterval(closeIdle, 20);
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  await closed;
  clearInterval(sweep);
  clearTimeout(timer);
  await closePool(pool);
  ctx.store.close();
  debug('stopped');
}
