// The one place the extension's code imports zod/mini from. `jitless` stops zod
// from probing `new Function`, which the default MV3 CSP forbids and which
// would otherwise log a CSP violation in every extension context.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
