import { openChromium } from './chromium.js';
import { describeSite } from './site-checks.js';

describeSite('chromium', openChromium, { sharesMemoryWhenIsolated: true });
