import { clientCommand, JSON_OPTION } from '../client-command.js';
import { CommandError } from '../command-error.js';
import { connectionHelp } from '../connection.js';
import { deployImageRef } from '../deploy/image-ref.js';
import { printDeployed, pushImage, terminalProgress } from '../deploy/deploy-output.js';
import { deployRequest, registerOrUpdate } from '../deploy/register.js';
import { UsageError } from '../usage-error.js';

export const DEPLOY_HELP = `Usage: actorkit deploy [dir] --api-server <url> --token <token> [options]

Takes an actor folder (default: the current one) to a real service: compiles it, builds its image, tags it
<registry>/<name>:<version or time>, pushes it, and registers the actor through the actors API — or updates it
(force: its workers restart on the new image) when the service already has it: the id deploy recorded for that
service in .actorkit/deploy.json, else your one actor of the same name. Only actor.json is sent: the dev loop's
local settings are not.

Options:
  --api-server <url>      the service, e.g. https://api.tacc.utexas.edu or https://tacc.tapis.io (also --api)
  --registry <registry>   where to push, e.g. docker.io/jdoe, ghcr.io/team, localhost:5000
  --image <ref>           the full image reference to push and register instead (a tag is added when it has none)
  --tag <tag>             the image tag (default: package.json's version, else the time, e.g. 20261123074426)
  --no-push               do not push; the service must already be able to pull the image (e.g. the local emulator)
  --registry-user <name>  registry login (default $ACTORKIT_REGISTRY_USER); the password comes from
                          $ACTORKIT_REGISTRY_PASSWORD
  --actor-id <id>         update this actor rather than finding it
  --no-typecheck          deploy even when the actor has type errors
  --json                  machine output: {actor, image, created, pushed, digest} (the same as -o json)
  -h, --help              show this help

${connectionHelp({
  api: null,
  'data-dir': null,
  nonce: null,
  token: '  --token <token>         bearer token (default $ACTORKIT_TOKEN)',
})}

Docker must be running: deploy builds the image with it.

Examples:
  actorkit deploy examples/hello --api-server https://api.tacc.utexas.edu --token $TOKEN --registry docker.io/jdoe
  actorkit deploy --api-server https://tacc.tapis.io --flavour v3 --tapis-token $JWT --registry ghcr.io/team
  actorkit deploy examples/counter --api-server http://127.0.0.1:8000 --token $(cat .actorkit/token) --no-push`;

const OPTIONS = {
  ...JSON_OPTION,
  'api-server': { type: 'string' },
  registry: { type: 'string' },
  image: { type: 'string' },
  tag: { type: 'string' },
  'no-push': { type: 'boolean' },
  'registry-user': { type: 'string' },
  'actor-id': { type: 'string' },
  'no-typecheck': { type: 'boolean' },
} as const;

/** `actorkit deploy`. */
export const deploy = clientCommand({
  name: 'deploy',
  help: DEPLOY_HELP,
  options: OPTIONS,
  positionals: { min: 0, max: 1, names: 'an optional actor folder' },
  localToken: false,
  connection: (values) => {
    const api = values['api-server'] ?? values.api;
    if (!api)
      throw new UsageError(
        'deploy needs the service: --api-server <url> (e.g. https://api.tacc.utexas.edu)',
        'deploy',
      );
    if (values['api-server'] && values.api)
      throw new UsageError('give --api-server or --api, not both', 'deploy');
    return { api };
  },
  async run({ conn, values, positionals, out }) {
    if (conn.credentials.kind === 'none' || conn.credentials.kind === 'nonce') {
      throw new UsageError(
        'deploy needs credentials that may register actors: --token, --jwt or --tapis-token (or ACTORKIT_TOKEN)',
        'deploy',
      );
    }
    // loaded here, not at the top: `actorkit deploy --help` must not load the bundler or Docker
    const [
      { ActorProjectError, loadActorProject },
      { buildAndTag, compileActor, defaultImages, requireEngine },
    ] = await Promise.all([import('@actorkit/project'), import('../deploy/build-image.js')]);
    const now = new Date();
    const push = !values['no-push'];
    const project = await loadActorProject(positionals[0] ?? '.').catch((error: unknown) => {
      throw error instanceof ActorProjectError ? new CommandError(error.message, { cause: error }) : error;
    });
    const ref = await deployImageRef(project, {
      registry: values.registry,
      image: values.image,
      tag: values.tag,
      push,
      now,
    });
    await conn.client.list(1, 0); // fail fast, before a build, on a wrong address or credentials
    await requireEngine();
    const images = defaultImages();
    const progress = terminalProgress(out, conn.json);
    await compileActor(project, !values['no-typecheck'], progress);
    await buildAndTag(project, ref, images, progress);
    const digest = push ? await pushImage(images, ref, values['registry-user'], progress) : null;
    if (!push && !conn.json)
      out.warn(`not pushed (--no-push): the service must be able to pull ${ref} itself`);
    progress.step(`registering on ${conn.client.baseUrl}`);
    const registration = await registerOrUpdate(conn.client, project, deployRequest(project, ref), {
      actorId: values['actor-id'],
      now,
    });
    printDeployed(out, conn, { registration, image: ref, pushed: push, digest });
    return 0;
  },
});
