/**
 * The platform REST API's request and response bodies as records, field for field with the
 * reference's JSON examples. Responses ignore unknown fields; fields the reference does not show
 * for a route are read when present and null otherwise.
 */
package dev.loupe.core.platform.remote;
