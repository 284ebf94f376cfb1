import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';

/** `GET /search/{type}` (fidelity §7). */
export function registerSearchRoutes(_router: Router, _ctx: EmulatorContext): void {}
