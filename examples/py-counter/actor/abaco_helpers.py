"""
Helpers for Abaco actors in the style of agavepy's ``agavepy.actors``, written for ActorKit's example: the same
names and the same behaviour towards the service, with no dependency but ``requests``.

``get_client()`` talks to the API exactly as agavepy's client does:

- it keeps only the host part of ``_abaco_api_server`` (``urlparse(...).netloc``, port included) and always calls
  ``https://<netloc>/actors/v2/...``;
- it sends ``Authorization: Bearer <_abaco_access_token>`` only when that netloc equals the request URL's hostname
  (port excluded): with an explicit port no token is sent;
- it verifies TLS with ``verify=True`` handed straight to ``Session.send``, so ``REQUESTS_CA_BUNDLE`` is not read
  and the CA bundle is certifi's (``certifi.where()``); ``TAPIS_DEFAULT_VERIFY_SSL=false`` switches verification off.

So it works only where the API is at ``https://<name>`` on port 443 with a certificate the image trusts: on the
real service, and on the emulator through its gateway.

``get_tapis_client()`` is the other shape, tapipy's: ``_abaco_api_server`` as the full base URL, requests' normal
path (``Session.request``, which reads ``REQUESTS_CA_BUNDLE``).
"""
import ast
import json
import os
import socket
import time
from urllib.parse import urlparse

import requests

RESULTS_SOCKET = '/_abaco_results.sock'
BINARY_FIFO = '/_abaco_binary_data'


class AbacoError(Exception):
    """A call to the actors API that did not succeed: the status and the service's message."""

    def __init__(self, status, message):
        super().__init__('%s: %s' % (status, message))
        self.status = status
        self.message = message


def _literal(text, default):
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
    """The execution's context, as agavepy's ``get_context()``: the message, its parsed form, the state, the ids."""
    env = dict(os.environ)
    raw = env.get('MSG')
    context = {
        'raw_message': raw,
        'content_type': env.get('_abaco_Content_Type') or env.get('_abaco_Content-Type'),
        'execution_id': env.get('_abaco_execution_id'),
        'username': env.get('_abaco_username'),
        'state': _literal(env.get('_abaco_actor_state'), {}),
        'actor_dbid': env.get('_abaco_actor_dbid'),
        'actor_id': env.get('_abaco_actor_id'),
        'raw_message_parse_log': '',
    }
    parsed = _literal(raw, None)
    if isinstance(parsed, dict):
        context['message_dict'] = parsed
    else:
        context['message_dict'] = {}
        context['raw_message_parse_log'] = 'the message is not a dict literal'
    context.update(env)
    return context


class _Actors(object):
    def __init__(self, client, base):
        self._client = client
        self._base = base

    def get(self, actorId):
        return self._client.call('GET', '%s/%s' % (self._base, actorId))

    def getState(self, actorId):
        return self._client.call('GET', '%s/%s/state' % (self._base, actorId))

    def updateState(self, actorId, body):
        return self._client.call('POST', '%s/%s/state' % (self._base, actorId), json=body)

    def sendMessage(self, actorId, body, environment=None):
        return self._client.call(
            'POST', '%s/%s/messages' % (self._base, actorId), json=body, params=environment or None
        )

    def getExecution(self, actorId, executionId):
        return self._client.call('GET', '%s/%s/executions/%s' % (self._base, actorId, executionId))


class AgaveStyleClient(object):
    """agavepy's way: https://<netloc>/actors/v2, the token only when netloc == hostname, verify=True on send."""

    def __init__(self, api_server, token):
        self.api_server = urlparse(api_server).netloc
        self.token = token
        self.verify = os.environ.get('TAPIS_DEFAULT_VERIFY_SSL', 'true').lower() != 'false'
        self.session = requests.Session()
        self.actors = _Actors(self, '/actors/v2')

    def call(self, method, path, **kwargs):
        url = 'https://%s%s' % (self.api_server, path)
        request = requests.Request(method, url, **kwargs)
        if self.token and self.api_server == urlparse(url).hostname:
            request.headers['Authorization'] = 'Bearer %s' % self.token
        prepared = self.session.prepare_request(request)
        response = self.session.send(prepared, verify=self.verify, timeout=30)
        return _result(response)


class TapisStyleClient(object):
    """tapipy's way: the full base URL, requests' normal path (REQUESTS_CA_BUNDLE is read), /v3/actors."""

    def __init__(self, base_url, token):
        self.base_url = base_url.rstrip('/')
        self.session = requests.Session()
        # tapipy sends a Tapis JWT as X-Tapis-Token; the emulator's execution tokens are opaque bearer tokens
        if token.count('.') == 2:
            self.session.headers['X-Tapis-Token'] = token
        else:
            self.session.headers['Authorization'] = 'Bearer %s' % token
        self.actors = _Actors(self, '/v3/actors')

    def call(self, method, path, **kwargs):
        response = self.session.request(method, self.base_url + path, timeout=30, **kwargs)
        return _result(response)


def _result(response):
    try:
        body = response.json()
    except ValueError:
        raise AbacoError(response.status_code, response.text[:500])
    if response.status_code >= 400 or body.get('status') != 'success':
        raise AbacoError(response.status_code, body.get('message'))
    return body.get('result')


def get_client():
    """A client acting with the execution's token, as agavepy's ``get_client()``."""
    return AgaveStyleClient(os.environ['_abaco_api_server'], os.environ.get('_abaco_access_token', ''))


def get_tapis_client():
    """A client in tapipy's shape: ``_abaco_api_server`` as the full base URL."""
    return TapisStyleClient(os.environ['_abaco_api_server'], os.environ.get('_abaco_access_token', ''))


def update_state(state):
    """Replaces the actor's state through the API, as agavepy's ``update_state()``."""
    get_client().actors.updateState(actorId=get_context()['actor_id'], body=state)


def send_bytes_result(value):
    """Sends one result, whole, on the results socket."""
    if not isinstance(value, bytes):
        raise TypeError('send_bytes_result takes bytes')
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        sock.connect(RESULTS_SOCKET)
        sock.send(value)
    finally:
        sock.close()


def get_binary_message():
    """The binary message, read from its FIFO until it stays empty."""
    chunks = []
    fd = os.open(BINARY_FIFO, os.O_RDONLY | os.O_NONBLOCK)
    try:
        idle = 0
        while idle < 3:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                chunk = None
            if chunk:
                chunks.append(chunk)
                idle = 0
            else:
                idle += 1
                time.sleep(0.01)
    finally:
        os.close(fd)
    return b''.join(chunks)
