package dev.cdiasync.impl;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.util.AnnotationLiteral;

/** An instance of {@link ActivateRequestContext}, which the CDI API does not provide, for the extension to add. */
final class ActivateRequestContextLiteral extends AnnotationLiteral<ActivateRequestContext>
        implements ActivateRequestContext {

    private static final long serialVersionUID = 1L;

    static final ActivateRequestContextLiteral INSTANCE = new ActivateRequestContextLiteral();
}
