import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';

/** `/configs`, `/configs/{name}` and `/configs/{name}/permissions` (fidelity §6). */
export function registerConfigRoutes(_router: Router, _ctx: EmulatorContext): void {}
