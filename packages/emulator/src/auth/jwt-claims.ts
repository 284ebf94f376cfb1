import type { Role } from '@actorkit/api';
import { HttpError } from '../http/http-error.js';

export interface JwtIdentity {
  user: string;
  roles: Role[];
  tenant: string | null;
}

const ENDUSER = 'http://wso2.org/claims/enduser';
const ROLE = 'http://wso2.org/claims/role';
const ROLE_MAP: [string, Role][] = [
  ['Internal/abaco-admin', 'admin'],
  ['Internal/abaco-privileged', 'privileged'],
  ['Internal/abaco-limited', 'limited'],
  ['Internal/abaco-user', 'user'],
];

/** Decodes a JWT's claims WITHOUT checking its signature: only used when the emulator is told to trust JWTs. */
export function readJwtClaims(jwt: string, header: string): Record<string, unknown> {
  const payload = jwt.trim().split('.')[1];
  if (!payload)
    throw HttpError.unauthorized(
      `the ${header} header is not a JWT (header.payload.signature); send a JWT, or a bearer token`,
    );
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (claims && typeof claims === 'object' && !Array.isArray(claims))
      return claims as Record<string, unknown>;
  } catch (cause) {
    throw HttpError.unauthorized(
      `the JWT in ${header} could not be read (${(cause as Error).message}); send a valid JWT`,
    );
  }
  throw HttpError.unauthorized(`the JWT in ${header} has no claims object; send a valid JWT`);
}

function roleNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  return [];
}

/** The user, roles and tenant the claims give (the wso2 claims of v2, or the `tapis/` claims of v3). */
export function identityFromClaims(claims: Record<string, unknown>, header: string): JwtIdentity {
  const raw = claims[ENDUSER] ?? claims['tapis/username'] ?? claims['sub'];
  if (typeof raw !== 'string' || !raw.trim()) {
    throw HttpError.unauthorized(
      `the JWT in ${header} names no user (${ENDUSER} or tapis/username); send a JWT that does`,
    );
  }
  const user = raw.replace(/@carbon\.super$/, '').trim();
  const names = [...roleNames(claims[ROLE]), ...roleNames(claims['tapis/roles'])];
  const mapped = ROLE_MAP.filter(([name]) => names.includes(name)).map(([, role]) => role);
  const roles: Role[] = mapped.includes('admin')
    ? ['admin']
    : mapped.includes('privileged')
      ? ['privileged']
      : mapped.includes('limited')
        ? ['limited']
        : ['user'];
  const tenant = typeof claims['tapis/tenant_id'] === 'string' ? (claims['tapis/tenant_id'] as string) : null;
  return { user, roles, tenant };
}
