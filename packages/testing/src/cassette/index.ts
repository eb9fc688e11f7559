export type { Cassette, CassetteChunk, CassetteRequest, CassetteResponse, Interaction } from './cassette.js';
export { type RecordingTransport, type RecordOptions, recordTransport } from './record-transport.js';
export {
  NoRecordedMatchError,
  type ReplayingTransport,
  type ReplayOptions,
  replayTransport,
} from './replay-transport.js';
