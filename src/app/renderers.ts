import { createDefaultRenderers, type RendererRegistry } from '../delivery/renderers.js';
import type { AppCore } from './create-core.js';

/** Every outbox kind's renderer: delivery's own plus the digest's. */
export function createRenderers(core: Pick<AppCore, 'digests'>): RendererRegistry {
  return { ...createDefaultRenderers(), digest: core.digests.renderDigestRow };
}
