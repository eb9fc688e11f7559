import type { ClientConfig } from '../request/client-core.js';
import type { ProviderPreset } from './presets.js';

/**
 * Where `createClient` puts the preset in the config it hands to `new OpenAI()`: a symbol, so it is no
 * option a user can name, and a client for any preset is a plain `OpenAI` (no class built per preset).
 */
export const PRESET: unique symbol = Symbol('wireai.preset');

/** A config carrying a preset under `PRESET`. */
export type ConfigWithPreset = ClientConfig & { [PRESET]?: ProviderPreset };
