export type { EchoReply } from './conformance-routes.js';
export { type ConformanceServer, startConformanceServer } from './conformance-server.js';
export {
  type ConformanceOptions,
  describeTransportConformance,
  type TransportFactory,
} from './describe-transport-conformance.js';
export { type LoopbackCertificate, loopbackCertificate } from './loopback-certificate.js';
export { type ProxyServer, startProxy } from './proxy-server.js';
export { closedPort, startBlackhole, startRawServer } from './raw-server.js';
