/**
 * The shared vocabulary of the gateway: protocols, access modes, data formats, configuration options, the module's
 * error catalogue and the validation failures every layer reports. Plain Java with no dependencies, so the AT core,
 * the worker and the REST layer can all speak it without the REST layer knowing the AT protocol.
 */
package io.mipgate.domain;
