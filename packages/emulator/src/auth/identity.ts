import type { Request } from 'express';
import type { Role } from '@actorkit/api';
import type { NonceRecord } from '../store/records.js';

/** How a request proved who it is. */
export type IdentityVia = 'token' | 'execution-token' | 'jwt' | 'tapis-jwt' | 'nonce' | 'no-auth';

/** Who a request acts as. */
export interface Identity {
  user: string;
  /** The Abaco role the credentials give (empty: none, which the service refuses). */
  roles: Role[];
  /** The raw role strings, as the credentials carried them (a nonce stores its creator's). */
  roleNames: string[];
  tenant: string;
  via: IdentityVia;
  /** Set when `via` is nonce: the nonce presented. */
  nonce?: NonceRecord;
  /**
   * Set once the nonce has been redeemed for this request's target: only then does the request act with the
   * nonce's stored roles (fidelity §5.4).
   */
  redeemed?: boolean;
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

/** Roles count for a nonce only once it is redeemed for the request's target; then its creator's roles apply. */
function rolesApply(identity: Identity): boolean {
  return identity.via !== 'nonce' || identity.redeemed === true;
}

export function isAdmin(identity: Identity): boolean {
  return rolesApply(identity) && identity.roles.includes('admin');
}

export function isPrivileged(identity: Identity): boolean {
  return rolesApply(identity) && (identity.roles.includes('admin') || identity.roles.includes('privileged'));
}
