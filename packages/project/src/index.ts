export {
  ActorConfigSchema,
  FixtureSchema,
  DevSettingsSchema,
  ActorProjectError,
  loadActorProject,
  detectLanguage,
} from './actor-config.js';
export type {
  ActorConfig,
  ActorProject,
  ActorKind,
  ActorLanguage,
  DevMount,
  DevSettings,
  Fixture,
} from './actor-config.js';
export { loadFixtures, type LoadedFixture } from './fixtures.js';
export {
  ActorCompiler,
  NATIVE_PACKAGES,
  stageNativePackages,
  type CompileResult,
  type CompilerOptions,
} from './compile.js';
export { VENDORED_PACKAGES, VENDOR_DIR } from './vendor.js';
export { TypeChecker, parseTscOutput } from './typecheck.js';
export {
  ActorImageBuilder,
  BUILD_INPUTS,
  CONTAINER_DIST,
  dockerfileBases,
  contextFiles,
  defaultDockerfile,
  type ImagePlan,
} from './image-build.js';
export { ignoreRules, type Ignore } from './ignore-rules.js';
export { writeBundleEntry, BUNDLE_ENTRY } from './bundle-entry.js';
export { formatDiagnostic, type Diagnostic } from './diagnostic.js';
