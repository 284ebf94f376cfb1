/** The hook behind force-quit (DELETE on an execution). The worker pool (next issue) implements it. */
export interface ExecutionControl {
  /** Stops a running execution; answers false when nothing was running it. */
  forceQuit(executionId: string): Promise<boolean>;
}

/** The default: nothing runs, so nothing can be force-quit. */
export const noopExecutionControl: ExecutionControl = {
  forceQuit: async () => false,
};
