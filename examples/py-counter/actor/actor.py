"""
py-counter: a stateful Python actor that keeps a count in its state through the API, as agavepy actors do.

A dict message ``{"add": 2, "notify": "<actor id>", "client": "agave" | "tapis"}`` adds to the count kept in the
state (``update_state``, a call to the API), tells another actor the new count when ``notify`` names one (a message
through the API), and sends the count as a JSON result on the results socket. A text message is logged ("heard:
...") and nothing else: that is how the actor it notifies, another py-counter, shows what it got.
"""
import json
import os
import sys

import certifi

from abaco_helpers import (
    AbacoError,
    get_client,
    get_context,
    get_tapis_client,
    send_bytes_result,
    update_state,
)


def main():
    context = get_context()
    message = context['message_dict']
    if not message:
        print('heard: %s' % context['raw_message'])
        return 0
    print(
        'tls: certifi reads %s; verification %s'
        % (certifi.where(), 'off' if os.environ.get('TAPIS_DEFAULT_VERIFY_SSL', '').lower() == 'false' else 'on')
    )
    client = get_tapis_client() if message.get('client') == 'tapis' else get_client()
    state = context['state'] if isinstance(context['state'], dict) else {}
    count = int(state.get('count', 0)) + int(message.get('add', 1))
    if message.get('client') == 'tapis':
        client.actors.updateState(actorId=context['actor_id'], body={'count': count})
    else:
        update_state({'count': count})
    print('count is now %d' % count)
    sent = None
    if message.get('notify'):
        answer = client.actors.sendMessage(
            actorId=message['notify'], body={'message': 'count is %d' % count}
        )
        sent = answer['executionId']
        print('told %s (execution %s)' % (message['notify'], sent))
    send_bytes_result(json.dumps({'count': count, 'notified': sent}).encode('utf-8'))
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except AbacoError as error:
        print('the actors API refused: %s' % error, file=sys.stderr)
        sys.exit(3)
