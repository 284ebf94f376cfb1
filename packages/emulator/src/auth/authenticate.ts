import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/http-error.js';
import type { Store } from '../store/store.js';
import { setIdentity, type Identity } from './identity.js';
import { identityFromClaims, readJwtClaims } from './jwt-claims.js';
import { knownUsers, rolesOf, type AuthConfig } from './users.js';

const JWT_PREFIX = 'x-jwt-assertion-';

function nonceParam(req: Request): string | undefined {
  const v = req.query['x-nonce'];
  const value = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof value === 'string' ? value : undefined;
}

function fromNonce(store: Store, id: string): Identity {
  const nonce = id.length <= 256 ? store.nonces.get(id) : null;
  if (!nonce) {
    throw HttpError.forbidden(
      `nonce ${id.slice(0, 64)} does not exist (it may have been deleted); ask the actor's owner for a new one`,
    );
  }
  return { user: nonce.owner, roles: nonce.roles, tenant: nonce.tenant, via: 'nonce', nonce };
}

function fromBearer(config: AuthConfig, store: Store, token: string): Identity {
  const user = knownUsers(config).find((u) => u.token === token);
  if (user) return { user: user.name, roles: user.roles, tenant: config.tenant, via: 'token' };
  const minted = token.length <= 256 ? store.tokens.find(token) : null;
  if (minted) {
    return {
      user: minted.username,
      roles: rolesOf(config, minted.username),
      tenant: config.tenant,
      via: 'execution-token',
      executionId: minted.executionId,
    };
  }
  throw HttpError.unauthorized(
    'the bearer token is not one this emulator issued (or its execution has ended); use the token `actorkit up` printed',
  );
}

function fromJwt(config: AuthConfig, req: Request): Identity | null {
  const tapis = req.get('x-tapis-token');
  const v2Header = Object.keys(req.headers).find((h) => h.startsWith(JWT_PREFIX));
  if (!tapis && !v2Header) return null;
  const header = tapis
    ? 'X-Tapis-Token'
    : `X-Jwt-Assertion-${v2Header?.slice(JWT_PREFIX.length).toUpperCase()}`;
  if (!config.trustJwt) {
    throw HttpError.unauthorized(
      `this emulator does not read ${header} JWTs; start it with --trust-jwt (signatures are not checked), or send Authorization: Bearer <token>`,
    );
  }
  const jwt = tapis ?? String(req.headers[v2Header ?? ''] ?? '');
  const claims = readJwtClaims(jwt, header);
  const id = identityFromClaims(claims, header);
  const headerTenant = v2Header ? v2Header.slice(JWT_PREFIX.length).toUpperCase() : null;
  return {
    user: id.user,
    roles: id.roles,
    tenant: headerTenant ?? id.tenant ?? config.tenant,
    via: tapis ? 'tapis-jwt' : 'jwt',
  };
}

/**
 * Works out who a request acts as: a nonce (`?x-nonce=`), a bearer token (a user's or an execution's), a trusted
 * JWT, or, with `--no-auth`, the local user. No credentials at all: 401.
 */
export function authenticate(config: AuthConfig, store: Store): RequestHandler {
  return (req, _res, next) => {
    const nonce = nonceParam(req);
    let identity: Identity | null;
    if (nonce !== undefined) {
      identity = fromNonce(store, nonce);
    } else {
      const auth = req.get('authorization');
      const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
      if (auth && !bearer) {
        throw HttpError.unauthorized(
          'the Authorization header must be "Bearer <token>"; use the token `actorkit up` printed',
        );
      }
      identity = bearer?.[1] ? fromBearer(config, store, bearer[1]) : fromJwt(config, req);
    }
    if (!identity && config.noAuth) {
      const u = config.localUser;
      identity = { user: u.name, roles: u.roles, tenant: config.tenant, via: 'no-auth' };
    }
    if (!identity) {
      throw HttpError.unauthorized(
        'no credentials: send Authorization: Bearer <token> (the token `actorkit up` printed), a JWT header, or ?x-nonce=<nonce>',
      );
    }
    setIdentity(req, identity);
    next();
  };
}
