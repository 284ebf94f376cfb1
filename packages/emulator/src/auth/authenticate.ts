import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/http-error.js';
import type { Store } from '../store/store.js';
import { setIdentity, type Identity } from './identity.js';
import { identityFromClaims, readJwtClaims, UnreadableJwtError } from './jwt-claims.js';
import { abacoRoles, roleNamesOf } from './role-names.js';
import {
  ADMIN_REQUIRED_TEXT,
  MISSING_ROLE_TEXT,
  NO_CREDENTIALS_TEXT,
  NONCE_DOES_NOT_EXIST_TEXT,
} from './service-texts.js';
import { knownUsers, rolesOf, type AuthConfig } from './users.js';

const JWT_PREFIX = 'x-jwt-assertion-';
const HOW_TO_AUTHENTICATE =
  'send Authorization: Bearer <token> (the token `actorkit up` printed), a JWT header, or ?x-nonce=<nonce>';

function nonceParam(req: Request): string | undefined {
  const v = req.query['x-nonce'];
  const value = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A nonce request acts as the nonce's creator, in the tenant its id names, with the roles stored in it; they apply
 * once the nonce is redeemed for the request's target (`authorize.ts`).
 */
function fromNonce(store: Store, id: string): Identity {
  const nonce = id.length <= 256 ? store.nonces.get(id) : null;
  if (!nonce) {
    throw HttpError.badRequest(
      `${NONCE_DOES_NOT_EXIST_TEXT} No nonce ${id.slice(0, 64)} (it may have been deleted); ask the actor's owner for a new one`,
    );
  }
  return {
    user: nonce.owner,
    roles: abacoRoles(nonce.roles),
    roleNames: nonce.roles,
    tenant: nonce.tenant,
    via: 'nonce',
    nonce,
  };
}

/** A local user's token, or an execution's (which acts as the actor's owner, in the actor's tenant only). */
function fromBearer(config: AuthConfig, store: Store, token: string): Identity {
  const user = knownUsers(config).find((u) => u.token === token);
  if (user) {
    return {
      user: user.name,
      roles: user.roles,
      roleNames: roleNamesOf(user.roles),
      tenant: config.tenant,
      via: 'token',
    };
  }
  const minted = token.length <= 256 ? store.tokens.find(token) : null;
  const execution = minted ? store.executions.get(minted.executionId) : null;
  const actor = execution ? store.actors.get(execution.actorId) : null;
  if (minted && actor) {
    const roles = rolesOf(config, minted.username);
    return {
      user: minted.username,
      roles,
      roleNames: roleNamesOf(roles),
      tenant: actor.tenant,
      via: 'execution-token',
      executionId: minted.executionId,
    };
  }
  throw HttpError.unauthorized(
    'the bearer token is not one this emulator issued (or its execution has ended); use the token `actorkit up` printed',
  );
}

/** A trusted JWT's identity; or why the JWT could not be read (the request then goes on as if it had none). */
type JwtOutcome = { identity: Identity } | { unreadable: string };

function fromJwt(config: AuthConfig, req: Request): JwtOutcome | null {
  const tapis = req.get('x-tapis-token');
  const v2Header = Object.keys(req.headers).find((h) => h.startsWith(JWT_PREFIX));
  if (!tapis && !v2Header) return null;
  const headerTenant = v2Header ? v2Header.slice(JWT_PREFIX.length).toUpperCase() : null;
  const header = tapis ? 'X-Tapis-Token' : `X-Jwt-Assertion-${headerTenant ?? ''}`;
  if (!config.trustJwt) {
    throw HttpError.unauthorized(
      `this emulator does not read ${header} JWTs; start it with --trust-jwt (signatures are not checked), or send Authorization: Bearer <token>`,
    );
  }
  const jwt = tapis ?? String(req.headers[v2Header ?? ''] ?? '');
  try {
    const id = identityFromClaims(readJwtClaims(jwt, header), header, Boolean(tapis));
    return {
      identity: {
        user: id.user,
        roles: id.roles,
        roleNames: id.roleNames,
        tenant: headerTenant ?? id.tenant ?? config.tenant,
        via: tapis ? 'tapis-jwt' : 'jwt',
      },
    };
  } catch (error) {
    if (error instanceof UnreadableJwtError) return { unreadable: error.message };
    throw error;
  }
}

/** Who the request acts as: a bearer token, else a JWT, else a nonce (only without the others), else none. */
function credentialsOf(config: AuthConfig, store: Store, req: Request): Identity {
  const auth = req.get('authorization');
  if (auth) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!bearer?.[1]) {
      throw HttpError.unauthorized(
        'the Authorization header must be "Bearer <token>"; use the token `actorkit up` printed',
      );
    }
    return fromBearer(config, store, bearer[1]);
  }
  const jwt = fromJwt(config, req);
  if (jwt && 'identity' in jwt) return jwt.identity;
  const nonce = nonceParam(req);
  if (nonce !== undefined) return fromNonce(store, nonce);
  if (config.noAuth) {
    const u = config.localUser;
    return {
      user: u.name,
      roles: u.roles,
      roleNames: roleNamesOf(u.roles),
      tenant: config.tenant,
      via: 'no-auth',
    };
  }
  const why = jwt ? ` (${jwt.unreadable})` : '';
  throw HttpError.badRequest(`${NO_CREDENTIALS_TEXT}${why} To authenticate, ${HOW_TO_AUTHENTICATE}`);
}

/** The request's path as the service sees it (decoded), base included. */
function servicePath(req: Request): string {
  const path = `${req.baseUrl}${req.path}`;
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    void cause; // a malformed escape: the raw path is what the service would have refused on anyway
    return path;
  }
}

/**
 * The service's role rules (`auth.py authorization`): a caller without any Abaco role is refused; so is a
 * non-admin whose path contains `admin` anywhere (an alias or config name such as `sysadmin-bot` included). A nonce
 * is judged with its creator's stored roles, as the service judges it after redeeming it.
 */
function checkRoles(req: Request, identity: Identity): void {
  if (identity.roles.length === 0) {
    throw HttpError.forbidden(
      `${MISSING_ROLE_TEXT} ${identity.user} has none of the Abaco roles (Internal/abaco-user, Internal/abaco-limited, Internal/abaco-privileged, Internal/abaco-admin) among ${JSON.stringify(identity.roleNames)}`,
    );
  }
  if (!identity.roles.includes('admin') && servicePath(req).includes('admin')) {
    throw HttpError.forbidden(
      `${ADMIN_REQUIRED_TEXT} The path contains "admin", which the service keeps for admins; pick names without it`,
    );
  }
}

/**
 * Works out who a request acts as (fidelity §9.1, §5.4): a bearer token (a user's or an execution's), a trusted
 * JWT, a nonce (`?x-nonce=`, consulted only when there is neither), or with `--no-auth` the local user. No
 * credentials (or only an unreadable JWT): 400 "No JWT or nonce provided.".
 */
export function authenticate(config: AuthConfig, store: Store): RequestHandler {
  return (req, _res, next) => {
    const identity = credentialsOf(config, store, req);
    checkRoles(req, identity);
    setIdentity(req, identity);
    next();
  };
}
