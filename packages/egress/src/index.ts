export { classifyAddress, type AddressClass } from "./classify-address";
export { egressPolicyFor, type EgressPolicy, type EgressSettings, type ServiceAddress } from "./policy";
export {
  destinationProblem,
  DestinationUnresolvedError,
  EgressGuard,
  EgressRefusedError,
  EGRESS_REFUSED_MESSAGE,
  type ResolvedAddress,
  type Resolver
} from "./egress-guard";
export { guardedPost, parseDestinationUrl, portOf, type PostAnswer, type PostRequest } from "./guarded-post";
