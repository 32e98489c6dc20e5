import { openFirefox } from './firefox.js';
import { describeSite } from './site-checks.js';

describeSite('firefox', openFirefox, { sharesMemoryWhenIsolated: true });
