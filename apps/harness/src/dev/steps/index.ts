import type { ActorsClient } from '@actorkit/api';
import type { ImageClient } from '@actorkit/docker';
import type { ActorProject } from '@actorkit/project';
import type { InspectOptions } from '../inspector.js';
import { CompileStep } from './compile.js';
import { FixturesStep } from './fixtures.js';
import { ImageStep } from './image.js';
import { InspectStep } from './inspect.js';
import { RegisterStep } from './register.js';
import type { DevStep } from './step.js';
import { TypecheckStep } from './typecheck.js';

export type { DevStep, RoundState, StepVerdict } from './step.js';
export { CompileStep, FixturesStep, ImageStep, InspectStep, RegisterStep, TypecheckStep };

export interface DevStepsOptions {
  project: ActorProject;
  client: ActorsClient;
  images?: ImageClient;
  /** Run the type check after the executions (TypeScript actors with a tsconfig.json); default true. */
  typecheck?: boolean;
  /** `--inspect`: start the actor under its debugger. */
  inspect?: InspectOptions | null;
}

/**
 * The steps of a round for this actor. A TypeScript actor: compile, image, (debugger), register, fixtures, type
 * check. An actor with its own Dockerfile and no TypeScript entry, in whatever language: the same without the
 * compile and the type check.
 */
export function devSteps(options: DevStepsOptions): DevStep[] {
  const { project } = options;
  const typescript = project.kind === 'typescript';
  const steps: DevStep[] = [];
  if (typescript) steps.push(new CompileStep({ dir: project.dir, sourceMap: Boolean(options.inspect) }));
  steps.push(new ImageStep(options.images));
  if (options.inspect) steps.push(new InspectStep(options.inspect));
  steps.push(new RegisterStep(project, options.client), new FixturesStep());
  if (typescript && options.typecheck !== false) steps.push(new TypecheckStep(project.dir));
  return steps;
}
