// The documented rules a store package must meet, as checks that return the
// problems they find ([] when none). Sources (Chrome for Developers):
// - manifest/name: `name` at most 75 characters;
// - manifest/description: plain text, at most 132 characters;
// - manifest/version: 1 to 4 dot-separated integers, each 0-65535, no leading
//   zero, not all zero;
// - manifest/icons and develop/ui/configure-icons: 16, 32, 48 and 128 px icons
//   (128 used at install and by the store), raster (PNG), square;
// - i18n: `__MSG_name__` is replaced by the locale's message (names are
//   case-insensitive), `default_locale` is required when `_locales` exists;
// - webstore/program-policies (remote code, minimum permissions) and
//   webstore/cws-dashboard-privacy (each permission justified).

/** Every locale of the package: name -> { messageName(lower case) -> message }. */
export function localesOf(files) {
  const locales = new Map();
  for (const [path, data] of files) {
    const match = /^_locales\/([^/]+)\/messages\.json$/.exec(path);
    if (!match) continue;
    const messages = JSON.parse(data.toString('utf8'));
    locales.set(match[1], new Map(Object.entries(messages).map(([key, value]) => [key.toLowerCase(), value.message])));
  }
  return locales;
}

const MESSAGE = /__MSG_(\w+)__/g;

/** `text` with every `__MSG_name__` replaced from `messages`, or null naming the first missing message. */
export function localized(text, messages) {
  let missing = null;
  const out = text.replace(MESSAGE, (whole, name) => {
    const message = messages.get(name.toLowerCase());
    if (message === undefined) missing ??= name;
    return message ?? whole;
  });
  return missing === null ? { text: out } : { missing };
}

/** Name, description and every other `__MSG__` string of the manifest, in every locale. */
export function checkLocalizedTexts(manifest, files) {
  const problems = [];
  const locales = localesOf(files);
  if (locales.size > 0 && !manifest.default_locale) problems.push('_locales present but no default_locale');
  if (manifest.default_locale && !locales.has(manifest.default_locale)) problems.push(`default_locale ${manifest.default_locale} has no _locales/${manifest.default_locale}/messages.json`);
  const used = [...JSON.stringify(manifest).matchAll(MESSAGE)].map(([whole]) => whole);
  const texts = locales.size > 0 ? [...locales] : [['(none)', new Map()]];
  for (const [locale, messages] of texts) {
    for (const text of used) {
      const result = localized(text, messages);
      if (result.missing) problems.push(`${locale}: message ${result.missing} is not defined`);
    }
    const name = localized(manifest.name ?? '', messages).text ?? '';
    const description = localized(manifest.description ?? '', messages).text ?? '';
    if (!name.trim()) problems.push(`${locale}: name is empty`);
    if (name.length > 75) problems.push(`${locale}: name is ${name.length} characters (at most 75): ${name}`);
    if (manifest.short_name) {
      const shortName = localized(manifest.short_name, messages).text ?? '';
      if (shortName.length > 12) problems.push(`${locale}: short_name is ${shortName.length} characters (12 recommended at most)`);
    }
    if (!description.trim()) problems.push(`${locale}: description is empty (the store shows it as the summary)`);
    if (description.length > 132) problems.push(`${locale}: description is ${description.length} characters (at most 132): ${description}`);
    if (/[<>]/.test(description)) problems.push(`${locale}: description is not plain text: ${description}`);
  }
  return problems;
}

/** The `version` field's format. */
export function checkVersion(manifest) {
  const version = String(manifest.version ?? '');
  const parts = version.split('.');
  const valid =
    parts.length >= 1 &&
    parts.length <= 4 &&
    parts.every((part) => /^(0|[1-9]\d{0,4})$/.test(part) && Number(part) <= 65535) &&
    parts.some((part) => part !== '0');
  return valid ? [] : [`version "${version}" is not 1 to 4 dot-separated integers 0-65535 without leading zeros, not all zero`];
}

/** Width and height of a PNG, or null for anything else. */
export function pngSize(data) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Icons of 16, 32, 48 and 128 px: declared, in the package, PNGs of that size. */
export function checkIcons(manifest, files) {
  const problems = [];
  for (const size of [16, 32, 48, 128]) {
    const path = manifest.icons?.[size];
    if (!path) {
      problems.push(`icons: no ${size}px icon declared`);
      continue;
    }
    const data = files.get(path.replace(/^\//, ''));
    if (!data) {
      problems.push(`icons: ${path} is not in the package`);
      continue;
    }
    const png = pngSize(data);
    if (!png) problems.push(`icons: ${path} is not a PNG`);
    else if (png.width !== size || png.height !== size) problems.push(`icons: ${path} is ${png.width}x${png.height}, declared as ${size}px`);
  }
  return problems;
}

/** Every file the manifest names is in the package. */
export function checkReferencedFiles(manifest, files) {
  const paths = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.background?.page,
    manifest.side_panel?.default_path,
    manifest.sidebar_action?.default_panel,
    manifest.options_ui?.page,
    manifest.action?.default_popup,
    manifest.storage?.managed_schema,
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    // MV3 web-accessible resources (MV2's are plain strings); a wildcard names no one file.
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.resources ?? []))).filter((path) => !path.includes('*')),
  ].filter(Boolean);
  return paths.filter((path) => !files.has(path.replace(/^\//, ''))).map((path) => `${path} is named in the manifest but not in the package`);
}

const BROAD_HOSTS = new Set(['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '*://*/', 'file:///*']);

/** No standing access to every site: broad patterns only as optional permissions (asked for one host at a time). */
export function checkHostAccess(manifest) {
  const standing = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
    // Pages every site could frame or fetch are as broad as access to every site.
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => (typeof entry === 'string' ? ['<all_urls>'] : (entry.matches ?? []))),
  ];
  return standing.filter((pattern) => BROAD_HOSTS.has(pattern) || /^(\*|https?):\/\/\*\//.test(pattern)).map((pattern) => `standing access to every site: ${pattern}`);
}

/** Sources a script may come from in an extension page's CSP: the package only. */
const LOCAL_SCRIPT_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'", "'none'"]);

/** No remote code: CSP without remote script sources, pages that load scripts from the package only, no importScripts/import() of a URL. */
export function checkNoRemoteCode(manifest, files) {
  const problems = [];
  const csp = typeof manifest.content_security_policy === 'string' ? manifest.content_security_policy : manifest.content_security_policy?.extension_pages;
  if (csp) {
    for (const directive of csp.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'script-src' && name !== 'default-src') continue;
      for (const source of sources) if (!LOCAL_SCRIPT_SOURCES.has(source)) problems.push(`content_security_policy allows scripts from ${source}`);
    }
  }
  for (const [path, data] of files) {
    const text = path.endsWith('.html') || path.endsWith('.js') ? data.toString('utf8') : '';
    if (path.endsWith('.html')) {
      for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
        if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) problems.push(`${path} loads a script from ${src}`);
      }
    }
    if (path.endsWith('.js') && /\bimportScripts\s*\(\s*["'`](https?:)?\/\//.test(text)) problems.push(`${path} imports a script from the network`);
    if (path.endsWith('.js') && /\bimport\s*\(\s*["'`]https?:\/\//.test(text)) problems.push(`${path} imports a module from the network`);
  }
  return problems;
}

/** Permissions and hosts of the manifest that a listing text does not name (in backquotes, as `storage`). */
export function unjustified(manifest, listing) {
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  return [...new Set(asked)].filter((permission) => !listing.includes(`\`${permission}\``));
}

/** Every rule for one package: a list of problems, [] when it may be submitted. */
export function storeProblems(manifest, files) {
  return [
    ...(manifest.manifest_version === 3 ? [] : [`manifest_version is ${manifest.manifest_version}, the stores take 3`]),
    ...checkLocalizedTexts(manifest, files),
    ...checkVersion(manifest),
    ...checkIcons(manifest, files),
    ...checkReferencedFiles(manifest, files),
    ...checkHostAccess(manifest),
    ...checkNoRemoteCode(manifest, files),
  ];
}
