import { installEnricher } from '@/lib/enrich/enricher';

// Injected by the background (lib/background/enrichment.ts) into a CRM tab's
// frame, next to its content script, when the record read there misses parts
// or page rules exist for it: the fallback readers stay out of the content
// script, which every CRM page loads. Not in the manifest.
export default defineUnlistedScript(() => {
  installEnricher();
});
