export * from './executor/executor.js';
export { dockerClient, pingEngine, engineDownMessage, ACTORKIT_LABEL, ACTORKIT_INSTANCE_LABEL } from './docker/docker-client.js';
export type { EngineHealth } from './docker/docker-client.js';
export { DockerImageClient, ImageBuildError } from './docker/image-client.js';
export type { ImageClient, ImageInfo, BuildOptions } from './docker/image-client.js';
export {
  ensureLocalBaseImage,
  chooseBaseImage,
  linkedLibraries,
  LOCAL_BASE_IMAGE,
  LOCAL_BASE_REPO,
  PUBLIC_BASE_IMAGE,
} from './docker/base-image.js';
export type { BaseImageReport, BaseImageChoice } from './docker/base-image.js';
