import type { Role } from '@actorkit/api';
import { abacoRoles, ABACO_ROLE_NAMES } from './role-names.js';

export interface JwtIdentity {
  user: string;
  roles: Role[];
  roleNames: string[];
  tenant: string | null;
}

const ENDUSER = 'http://wso2.org/claims/enduser';
const ROLE = 'http://wso2.org/claims/role';

/** Why a JWT could not be read; authentication then goes on as if there were none, as the service's does. */
export class UnreadableJwtError extends Error {
  override readonly name = 'UnreadableJwtError';
}

/** Decodes a JWT's claims WITHOUT checking its signature: only used when the emulator is told to trust JWTs. */
export function readJwtClaims(jwt: string, header: string): Record<string, unknown> {
  const payload = jwt.trim().split('.')[1];
  if (!payload) throw new UnreadableJwtError(`the ${header} header is not a JWT (header.payload.signature)`);
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch (cause) {
    throw new UnreadableJwtError(`the JWT in ${header} could not be read (${(cause as Error).message})`, {
      cause,
    });
  }
  if (claims && typeof claims === 'object' && !Array.isArray(claims))
    return claims as Record<string, unknown>;
  throw new UnreadableJwtError(`the JWT in ${header} has no claims object`);
}

function roleNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  return [];
}

/**
 * The user, roles and tenant the claims give: the wso2 claims of v2, or the `tapis/` claims of v3. A v2 JWT with no
 * Abaco role gives no role (the service refuses it); a v3 token carries no Abaco roles, so it acts as a plain user
 * unless it names one.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  header: string,
  v3: boolean,
): JwtIdentity {
  const raw = claims[ENDUSER] ?? claims['tapis/username'] ?? claims['sub'];
  if (typeof raw !== 'string' || !raw.trim()) {
    throw new UnreadableJwtError(`the JWT in ${header} names no user (${ENDUSER} or tapis/username)`);
  }
  const user = raw.replace(/@carbon\.super$/, '').trim();
  const names = [...roleNames(claims[ROLE]), ...roleNames(claims['tapis/roles'])].filter((n) => n !== '');
  let roles = abacoRoles(names);
  let shown = names;
  if (v3 && roles.length === 0) {
    roles = ['user'];
    shown = [...names, ABACO_ROLE_NAMES.user];
  }
  const tenant = typeof claims['tapis/tenant_id'] === 'string' ? (claims['tapis/tenant_id'] as string) : null;
  return { user, roles, roleNames: shown, tenant };
}
