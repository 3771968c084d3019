export { egressPolicyFor, type EgressPolicy } from "./policy";
export { destinationProblem, EgressGuard, EGRESS_REFUSED_MESSAGE, type Resolver } from "./egress-guard";
export { guardedPost, parseDestinationUrl, portOf } from "./guarded-post";
