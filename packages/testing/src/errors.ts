/** The container tier could not do what a test asked: the message says what failed and how to fix it. */
export class ContainerTierError extends Error {
  override readonly name: string = 'ContainerTierError';
}

/** The emulator reported a platform failure (image missing, engine down): not the actor's doing. */
export class ExecutionPlatformError extends ContainerTierError {
  constructor(
    readonly executionId: string,
    readonly statusMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`execution ${executionId} could not run: ${statusMessage}`, options);
  }
}
