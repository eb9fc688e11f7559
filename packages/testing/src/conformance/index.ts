export { type ConformanceServer, type EchoReply, startConformanceServer } from './conformance-server.js';
export {
  type ConformanceOptions,
  describeTransportConformance,
  type TransportFactory,
} from './describe-transport-conformance.js';
