export { type AxiosTransport, type AxiosTransportOptions, createAxiosTransport } from './axios-transport.js';
