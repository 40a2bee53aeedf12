export { describeModelRegistryContract } from './model-registry-contract.js';
export { type SampleRegistrationOptions, sampleRegistration } from './sample-registration.js';
