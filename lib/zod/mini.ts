// The one place the extension's code imports zod from: zod/mini everywhere (its
// functions tree-shake; classic zod's schema classes carried ~40 kB of methods
// and JSON Schema code into every page and took ~65 ms to build in a cold panel).
// `jitless` stops zod from probing `new Function`, which the default MV3 CSP
// forbids and which would otherwise log a CSP violation in every extension
// context. English messages, as classic zod gave, for what the options and
// import previews show (zod/mini alone says only "Invalid input").
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config({ jitless: true, ...en() });

export { z };
