export { type ConformanceServer, type EchoReply, startConformanceServer } from './conformance-server.js';
export {
  describeTransportConformance,
  type TransportFactory,
} from './describe-transport-conformance.js';
