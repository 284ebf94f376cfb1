export { loadDashboard, DashboardMissingError } from './load.js';
export { UI_BASE_PATH, type DashboardBundle, type DashboardFile } from './files.js';
