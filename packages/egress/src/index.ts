export { classifyAddress, type AddressClass } from "./classify-address";
export { parseServiceAddress, serviceAddressOfUrl, type EgressPolicy, type ServiceAddress } from "./policy";
export { DestinationUnresolvedError, EgressGuard, EgressRefusedError, EGRESS_REFUSED_MESSAGE, type ResolvedAddress, type Resolver } from "./egress-guard";
export { guardedPost, parseDestinationUrl, portOf, type PostAnswer, type PostRequest } from "./guarded-post";
