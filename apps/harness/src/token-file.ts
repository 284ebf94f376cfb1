/**
 * The file in the emulator's data directory that holds the local user's token (`<data-dir>/token`). The emulator
 * defines it (`TOKEN_FILE` of @actorkit/emulator, which a test holds this copy to); the CLI's client commands need
 * only the name, and must not load the emulator to learn it.
 */
export const TOKEN_FILE = 'token';
