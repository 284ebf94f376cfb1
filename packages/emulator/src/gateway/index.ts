export {
  ApiGateway,
  GATEWAY_API_SERVER,
  GATEWAY_LABEL,
  type GatewaySettings,
  type GatewayStatus,
} from './api-gateway.js';
export { ensureTlsFiles, type TlsFiles } from './local-ca.js';
export { CONTAINER_BUNDLE_PATH, TRUST_VARIABLES, TrustPath, VERIFY_SWITCH } from './trust-path.js';
