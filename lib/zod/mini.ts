// The one place the extension's code imports zod from: zod/mini everywhere (its
// functions tree-shake; classic zod's schema classes carried ~40 kB of methods
// and JSON Schema code into every page and took ~65 ms to build in a cold panel).
// `jitless` stops zod from probing `new Function`, which the default MV3 CSP
// forbids and which would otherwise log a CSP violation in every extension
// context. zod/mini has no wording of its own ("Invalid input"): what a user
// reads is parsed with `IN_ENGLISH` (./english.ts), through validate() in lib/domain/issues.ts.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
