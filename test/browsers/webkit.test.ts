import { openWebKit } from './webkit.js';
import { describeSite } from './site-checks.js';

describeSite('webkit', openWebKit);
