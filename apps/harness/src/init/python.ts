/**
 * `actorkit init --lang python`: a Python actor with its own Dockerfile, helpers in the style of agavepy's
 * `agavepy.actors` (same names, so moving to agavepy is one import), fixtures, and the dev mount that lets a save of
 * its source reach the next execution without an image rebuild.
 */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The local Python base image (Debian's python3, requests, cloudpickle, debugpy), built without a registry. */
export const PYTHON_BASE = 'actorkit/python:3.11';

export function actorJson(name: string): string {
  return json({
    name,
    description: `${name}: greets whoever the message names, and counts the greetings in its state.`,
    stateless: false,
    defaultEnvironment: { GREETING: 'Hello' },
    fixtures: ['fixtures/hello.json', 'fixtures/grace.txt', 'fixtures/bytes.bin'],
    dev: { mount: { src: '/app/src' } },
  });
}

export const DOCKERFILE = `# ${PYTHON_BASE}: Debian's python3 with requests, cloudpickle and debugpy, built locally from Debian's packages
# (in the ActorKit repository: npm run base-image -- --python). Any image with python3 does, e.g. python:3.11-slim.
FROM ${PYTHON_BASE}
WORKDIR /app
# Dependencies before the code, so a change of the code rebuilds only the last layer:
# COPY requirements.txt /app/
# RUN pip install --no-cache-dir -r requirements.txt
COPY src/ /app/src/
# actor.json's "dev": {"mount": {"src": "/app/src"}} mounts ./src here in each container \`actorkit dev\` starts.
CMD ["python3", "/app/src/actor.py"]
`;

export const ACTOR_PY = `"""
A Python actor. Its message is JSON ({"name": "Ada"}) or text ("Ada"): it logs a greeting, sends it back as a
result and counts the greetings in its state. A binary message gets its size and SHA-256 back instead.

    actorkit send <this actor> --json '{"name": "Ada"}' --wait
"""
import hashlib
import json
import os
import sys

from actors import get_binary_message, get_context, send_bytes_result, update_state


def greeting_for(context):
    """The greeting for this message: its "name" (a JSON message) or its text, with GREETING from the environment."""
    message = context['message_dict']
    name = message.get('name') if message else (context['raw_message'] or '').strip()
    hello = (message.get('greeting') if message else None) or os.environ.get('GREETING', 'Hello')
    return '%s, %s!' % (hello, name or 'world')


def main():
    context = get_context()
    if context['content_type'] == 'application/octet-stream':
        data = get_binary_message()
        print('received %d bytes' % len(data))
        send_bytes_result(json.dumps({'bytes': len(data), 'sha256': hashlib.sha256(data).hexdigest()}).encode())
        return 0
    greeting = greeting_for(context)
    print(greeting)
    send_bytes_result(json.dumps({'greeting': greeting}).encode())
    state = context['state'] if isinstance(context['state'], dict) else {}
    update_state({'greetings': int(state.get('greetings', 0)) + 1, 'last': greeting})
    return 0


if __name__ == '__main__':
    sys.exit(main())
`;

export const ACTORS_PY = `"""
Helpers for actors on Abaco and Tapis Actors, with the names of agavepy's \`agavepy.actors\`: \`get_context\`,
\`update_state\`, \`send_bytes_result\`, \`send_python_result\`, \`get_binary_message\`, \`get_client\`. To use agavepy
itself instead, install it in the image and import from agavepy.actors.

The API is called at \`_abaco_api_server\` as a full base URL (as tapipy does), with the execution's token
(\`_abaco_access_token\`) as a bearer token, through requests: REQUESTS_CA_BUNDLE names the CA bundle, and
TAPIS_DEFAULT_VERIFY_SSL=false turns verification off.
"""
import ast
import json
import os
import socket
import time

RESULTS_SOCKET = '/_abaco_results.sock'
BINARY_FIFO = '/_abaco_binary_data'


class AbacoError(Exception):
    """A call to the actors API that did not succeed: its status and the service's message."""

    def __init__(self, status, message):
        super().__init__('%s: %s' % (status, message))
        self.status = status
        self.message = message


def _literal(text, default):
    """A Python or JSON literal as the platform writes MSG and the state; the text itself when it is neither."""
    if text is None or text == '':
        return default
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        try:
            return json.loads(text)
        except ValueError:
            return text


def get_context():
    """The execution's context, as agavepy's get_context(): the message (raw and parsed), the state, the ids, and
    every environment variable."""
    env = dict(os.environ)
    raw = env.get('MSG')
    parsed = _literal(raw, None)
    context = {
        'raw_message': raw,
        'message_dict': parsed if isinstance(parsed, dict) else {},
        'raw_message_parse_log': '' if isinstance(parsed, dict) else 'the message is not a dict literal',
        'content_type': env.get('_abaco_Content_Type'),
        'execution_id': env.get('_abaco_execution_id'),
        'username': env.get('_abaco_username'),
        'state': _literal(env.get('_abaco_actor_state'), {}),
        'actor_dbid': env.get('_abaco_actor_dbid'),
        'actor_id': env.get('_abaco_actor_id'),
    }
    context.update(env)
    return context


class _Actors(object):
    def __init__(self, client):
        self._client = client

    def get(self, actorId):
        return self._client.call('GET', '/%s' % actorId)

    def getState(self, actorId):
        return self._client.call('GET', '/%s/state' % actorId)

    def updateState(self, actorId, body):
        return self._client.call('POST', '/%s/state' % actorId, json=body)

    def sendMessage(self, actorId, body, environment=None):
        """body: {'message': 'text'} for a text message, or a dict sent as a JSON message."""
        if isinstance(body, dict) and list(body) == ['message'] and isinstance(body['message'], str):
            return self._client.call('POST', '/%s/messages' % actorId, data=body, params=environment)
        return self._client.call('POST', '/%s/messages' % actorId, json=body, params=environment)

    def getExecution(self, actorId, executionId):
        return self._client.call('GET', '/%s/executions/%s' % (actorId, executionId))


class Client(object):
    """The actors API with the execution's token: client.actors.sendMessage(actorId=..., body=...), ..."""

    def __init__(self, api_server, token):
        import requests  # only an actor that calls the API needs it

        base = api_server.rstrip('/')
        self.base_url = base if base.endswith(('/actors/v2', '/v3/actors')) else base + '/actors/v2'
        self.session = requests.Session()
        if token:
            self.session.headers['Authorization'] = 'Bearer %s' % token
        if os.environ.get('TAPIS_DEFAULT_VERIFY_SSL', 'true').lower() == 'false':
            self.session.verify = False
        self.actors = _Actors(self)

    def call(self, method, path, **kwargs):
        response = self.session.request(method, self.base_url + path, timeout=30, **kwargs)
        try:
            body = response.json()
        except ValueError:
            raise AbacoError(response.status_code, response.text[:500])
        if response.status_code >= 400 or body.get('status') != 'success':
            raise AbacoError(response.status_code, body.get('message'))
        return body.get('result')


def get_client():
    """A client acting with the execution's token, as agavepy's get_client()."""
    return Client(os.environ['_abaco_api_server'], os.environ.get('_abaco_access_token', ''))


def update_state(state):
    """Replaces the actor's state (a stateful actor's) through the API, as agavepy's update_state()."""
    return get_client().actors.updateState(actorId=os.environ['_abaco_actor_id'], body=state)


def send_bytes_result(value):
    """Sends one result, whole, on the execution's results socket."""
    if not isinstance(value, bytes):
        raise TypeError('send_bytes_result takes bytes, not %s' % type(value).__name__)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        sock.connect(RESULTS_SOCKET)
        sock.send(value)
    finally:
        sock.close()


def send_python_result(obj):
    """Sends a Python object as a result, pickled with cloudpickle, as agavepy's send_python_result()."""
    import cloudpickle

    send_bytes_result(cloudpickle.dumps(obj))


def get_binary_message():
    """The binary message (application/octet-stream), whole. The platform keeps its end of the pipe open: reading
    stops after ACTORKIT_BINARY_DATA_SIZE bytes where the emulator says the size, else once the pipe stays empty."""
    size = os.environ.get('ACTORKIT_BINARY_DATA_SIZE', '')
    expected = int(size) if size.isdigit() else None
    chunks, total = [], 0
    fd = os.open(BINARY_FIFO, os.O_RDONLY | os.O_NONBLOCK)
    try:
        quiet_since = time.monotonic()
        while expected is None or total < expected:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                chunk = None
            if chunk:
                chunks.append(chunk)
                total += len(chunk)
                quiet_since = time.monotonic()
                continue
            limit = 10.0 if expected is not None else (0.1 if total else 1.0)
            if (chunk == b'' and total and expected is None) or time.monotonic() - quiet_since > limit:
                break
            time.sleep(0.002)
    finally:
        os.close(fd)
    return b''.join(chunks)
`;

export const TEST_ACTOR_PY = `"""Tests of the actor's logic, without a container: python3 -m unittest discover -s tests"""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'src'))

from actor import greeting_for  # noqa: E402


def context(raw, message=None):
    return {'raw_message': raw, 'message_dict': message or {}}


class GreetingTest(unittest.TestCase):
    def test_a_json_message_names_who_to_greet(self):
        self.assertEqual(greeting_for(context("{'name': 'Ada'}", {'name': 'Ada'})), 'Hello, Ada!')

    def test_a_text_message_is_the_name(self):
        self.assertEqual(greeting_for(context('Ada\\n')), 'Hello, Ada!')

    def test_the_greeting_comes_from_the_message_or_the_environment(self):
        self.assertEqual(greeting_for(context('', {'name': 'Ada', 'greeting': 'Hi'})), 'Hi, Ada!')
        os.environ['GREETING'] = 'Bonjour'
        try:
            self.assertEqual(greeting_for(context('Ada')), 'Bonjour, Ada!')
        finally:
            del os.environ['GREETING']


if __name__ == '__main__':
    unittest.main()
`;

export const FIXTURE_JSON = json({ name: 'Ada' });
export const FIXTURE_TEXT = 'Grace\n';
/** A few bytes that are not text: the actor answers with their size and SHA-256. */
export const FIXTURE_BYTES = Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x80, 0x7f, 0x0a]);

export const GITIGNORE = '__pycache__/\n*.pyc\n.actorkit/\n.venv/\n';
/** Not sent to Docker: the tests, caches and our state. actor.json and the fixtures stay (the dev loop watches them). */
export const DOCKERIGNORE = '/.git/\n/.actorkit/\n/tests/\n__pycache__/\n*.pyc\n.venv/\n';
