import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class ConfigSecretError extends Error {
  override readonly name = 'ConfigSecretError';
}

/** Which config a secret belongs to: bound into its ciphertext. */
export interface SecretOwner {
  tenant: string;
  name: string;
}

/** Unambiguous whatever the tenant and name contain (`{tenant}_{name}` is not: both may hold underscores). */
function associatedData(owner: SecretOwner): Buffer {
  return Buffer.from(JSON.stringify([owner.tenant, owner.name]), 'utf8');
}

/**
 * Encrypts secret config values at rest: AES-256-GCM with a random 96-bit nonce per value, written as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). The service uses Fernet; this text is what the API shows for a secret,
 * as the service shows its own ciphertext. The config's identity (tenant and name) is bound in as associated data,
 * so a ciphertext copied into another config's row does not decrypt there.
 */
export class SecretCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new ConfigSecretError('the config secret key must be 32 bytes');
  }

  encrypt(plain: string, owner: SecretOwner): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(owner));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv, tag, body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plain value; a ConfigSecretError (never naming the value) when the text was not made with this key. */
  decrypt(text: string, owner: SecretOwner): string {
    const parts = text.split('.');
    const [version, iv, tag, body] = parts.map((p, i) => (i === 0 ? p : Buffer.from(p, 'base64url')));
    if (
      parts.length !== 4 ||
      version !== VERSION ||
      !(iv instanceof Buffer) ||
      iv.length !== IV_BYTES ||
      !(tag instanceof Buffer) ||
      tag.length !== TAG_BYTES ||
      !(body instanceof Buffer)
    ) {
      throw new ConfigSecretError(
        `the stored secret of config ${owner.name} is not in the ${VERSION} format; set the config again with PUT`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(owner));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new ConfigSecretError(
        `the stored secret of config ${owner.name} does not decrypt with the key in the data directory (was config-secret.key replaced?); set the config again with PUT`,
        { cause },
      );
    }
  }
}
