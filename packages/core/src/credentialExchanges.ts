/**
 * The credential exchanges (RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC, CloudSSO,
 * CredentialsURI, External): a second entry point, built as its own file and loaded by
 * runExchange only when a profile or variable asks for one, so a program that signs with an
 * AccessKey neither bundles nor loads them.
 */
export { CredentialExchangeFailure } from "./credentials/exchange/CredentialExchangeFailure.js";
export { instanceFromEnvironment, oidcFromEnvironment } from "./credentials/exchange/environmentModes.js";
export { iniFileCredentials } from "./credentials/exchange/iniSectionModes.js";
export { profileCredentials } from "./credentials/exchange/profileModes.js";
