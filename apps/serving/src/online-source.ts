import type { FeatureView, OnlineStore } from '@fti/feature-store';

/** Where `{ entityId }` requests read features, and whether it is ready (materialising runs after listen). */
export interface OnlineSource {
  status: 'disabled' | 'loading' | 'ready' | 'failed';
  view?: FeatureView;
  store?: OnlineStore;
  /** Why it failed, when it did. */
  error?: string;
}
