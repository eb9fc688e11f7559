// #region readme

import { describeTransportConformance } from '@wireai/testing/conformance';
import { createMyTransport } from './my-transport.js';

describeTransportConformance('my transport', () => createMyTransport());
// A transport without sockets: describeTransportConformance('mine', ({ handler }) => make(handler), { sockets: false })
// #endregion readme
