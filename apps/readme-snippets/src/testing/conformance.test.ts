// #region readme

import { describeTransportConformance } from '@wireai/testing/conformance';
import { createMyTransport } from './my-transport.js';

describeTransportConformance('my transport', () => createMyTransport());
// A transport without sockets: describeTransportConformance('mine', ({ handler }) => make(handler), { sockets: false })
// Over HTTP/2 with TLS (a certificate made for the run, given as ca): { http2: true } and ({ ca }) => make({ ca })
// #endregion readme
