/**
 * zod compiles object parsers with `new Function` unless told not to, and probes whether it may as the first
 * schemas are built, some of them while zod itself loads. The page's Content-Security-Policy forbids eval (and
 * requires Trusted Types), so the probe would be reported as a violation. zod reads its settings from
 * `globalThis.__zod_globalConfig`, creating it only when absent: this module, imported first of all and importing
 * nothing, sets `jitless` there before zod loads. The browser tests fail on any CSP violation, so a zod that stops
 * reading it is caught.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
