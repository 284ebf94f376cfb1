/**
 * Python literals, the form in which the real service hands a JSON message (`MSG`) and the actor's state
 * (`_abaco_actor_state`) to a container: `toPythonLiteral` writes them (the emulator), `parsePythonLiteral` reads
 * them (the runtime).
 *
 * @example
 * toPythonLiteral({ k: 'v', ok: true, n: null }); // "{'k': 'v', 'ok': True, 'n': None}"
 * parsePythonLiteral("{'k': 'v', 'ok': True, 'n': None}"); // { k: 'v', ok: true, n: null }
 */
export { toPythonLiteral } from './python-literal-writer.js';
export { parsePythonLiteral } from './python-literal-parser.js';
export { PythonLiteralError } from './python-literal-error.js';
