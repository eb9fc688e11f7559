export {
  type Cassette,
  type CassetteChunk,
  CassetteError,
  type CassetteIssue,
  type CassetteRequest,
  type CassetteResponse,
  type Interaction,
} from './cassette.js';
export { type RecordingTransport, type RecordOptions, recordTransport } from './record-transport.js';
export {
  NoRecordedMatchError,
  type ReplayingTransport,
  type ReplayOptions,
  replayTransport,
} from './replay-transport.js';
