import { startOfflineStatus } from './offline-status.js';

/**
 * What every page of the site runs besides its own script (a second module script of its
 * HTML, bundled with the page's): the service worker and the offline status.
 */
startOfflineStatus();
