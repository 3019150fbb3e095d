import { createDefaultRenderers, type RendererRegistry } from '../delivery/render.js';
import type { AppCore } from './create-core.js';

/** Delivery's renderers with the configured topic labels, plus the digest's. */
export function createRenderers(core: Pick<AppCore, 'digests' | 'topics'>): RendererRegistry {
  return { ...createDefaultRenderers(core.topics), digest: core.digests.renderDigestRow };
}
