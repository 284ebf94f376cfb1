import type { Request } from 'express';
import type { Role } from '@actorkit/api';
import type { NonceRecord } from '../store/records.js';

/** How a request proved who it is. */
export type IdentityVia = 'token' | 'execution-token' | 'jwt' | 'tapis-jwt' | 'nonce' | 'no-auth';

/** Who a request acts as. */
export interface Identity {
  user: string;
  roles: Role[];
  tenant: string;
  via: IdentityVia;
  /** Set when `via` is nonce: the nonce presented (not yet redeemed: that happens once the target is known). */
  nonce?: NonceRecord;
  /** Set when `via` is execution-token. */
  executionId?: string;
}

const identities = new WeakMap<Request, Identity>();

export function setIdentity(req: Request, identity: Identity): void {
  identities.set(req, identity);
}

/** The identity authentication gave the request; every API route runs after authentication. */
export function identityOf(req: Request): Identity {
  const identity = identities.get(req);
  if (!identity) throw new Error('identityOf called on a request that was not authenticated');
  return identity;
}

export function isAdmin(identity: Identity): boolean {
  return identity.via !== 'nonce' && identity.roles.includes('admin');
}

export function isPrivileged(identity: Identity): boolean {
  return (
    identity.via !== 'nonce' && (identity.roles.includes('admin') || identity.roles.includes('privileged'))
  );
}
