/**
 * @actorkit/docker: ActorKit's Docker adapters, the only code that talks to the engine (through dockerode).
 * The emulator's executor, the image builder (@actorkit/project), the container test tier and the CLI use them.
 */
export {
  dockerClient,
  pingEngine,
  engineDownMessage,
  ACTORKIT_LABEL,
  ACTORKIT_INSTANCE_LABEL,
  type EngineHealth,
} from './docker-client.js';
export {
  DockerContainerClient,
  ContainerClientError,
  toContainerClientError,
  type ContainerClient,
  type ContainerSpec,
  type ContainerState,
  type ContainerSummary,
  type DockerStatsSample,
  type LogAttachment,
  type StatsSubscription,
} from './container-client.js';
export {
  DockerImageClient,
  ImageBuildError,
  ImagePushError,
  splitImageRef,
  type ImageClient,
  type ImageInfo,
  type BuildOptions,
  type RegistryAuth,
  type PushResult,
} from './image-client.js';
export {
  ensureLocalBaseImage,
  chooseBaseImage,
  linkedLibraries,
  LOCAL_BASE_IMAGE,
  LOCAL_BASE_REPO,
  NODE_MAJOR,
  PUBLIC_BASE_IMAGE,
  type BaseImageReport,
  type BaseImageChoice,
} from './base-image.js';
export {
  ensurePythonBaseImage,
  pythonRecipeHash,
  debianMirror,
  PythonBaseImageError,
  PYTHON_BASE_IMAGE,
  PYTHON_BASE_REPO,
  PYTHON_VERSION,
  PYTHON_RECIPE,
  type PythonBaseImageOptions,
} from './python-base-image.js';
export {
  executionLabels,
  EXECUTION_LABEL,
  ACTOR_LABEL,
  WORKER_LABEL,
  type LabelledExecution,
} from './container-labels.js';
export {
  imageRunConfig,
  runProbe,
  type ImageRunConfig,
  type ProbeSpec,
  type ProbeResult,
} from './probe-container.js';
export { LogDemuxer, type LogStreamName } from './log-demux.js';
