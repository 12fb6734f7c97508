/**
 * The service provider interface of cdi-async, for integrations that run {@code @Async} bodies in
 * another process (such as the Hazelcast module). Applications do not use it directly.
 */
package dev.cdiasync.spi;
