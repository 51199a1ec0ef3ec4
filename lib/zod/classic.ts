// The one place the extension's own code imports classic zod from (the page
// side uses lib/zod/mini.ts). `jitless` stops zod from probing `new Function`,
// which the default MV3 CSP forbids.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
