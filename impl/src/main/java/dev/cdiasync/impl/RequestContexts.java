package dev.cdiasync.impl;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Activates a request context around a callback where the thread has none, with
 * {@code @ActivateRequestContext} semantics: a fresh context for that call alone, ended after it.
 * Bodies and most callbacks get theirs from the {@code @ActivateRequestContext} interceptor the
 * extension binds; this serves the callbacks whose bean instance or arguments must be resolved
 * inside the context, before that interceptor runs (see {@link AnnotatedCallback}).
 *
 * <p>A {@link RequestContextController} remembers whether it activated the context, so one
 * instance must not serve two threads at once; each activation takes a new one. (Caching one per
 * thread would pin the container in the thread-locals of threads that outlive it.)
 */
final class RequestContexts {

    private static final Logger LOG = Logger.getLogger("dev.cdiasync");

    private final BeanManager beanManager;
    private final Bean<?> controllerBean;

    RequestContexts(BeanManager beanManager) {
        this.beanManager = beanManager;
        this.controllerBean = beanManager.resolve(beanManager.getBeans(RequestContextController.class));
    }

    /**
     * Activates a request context if the thread has none.
     *
     * @return the controller to hand to {@link #end} after the call, or null if a context was
     *         already active (and so is not this call's to end)
     */
    RequestContextController begin() {
        RequestContextController controller = newController();
        return controller.activate() ? controller : null;
    }

    /** Ends the context {@link #begin} activated; a failure to end it is logged, never thrown. */
    void end(RequestContextController controller) {
        if (controller == null) {
            return;
        }
        try {
            controller.deactivate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending the request context of an asynchronous call failed", e);
        }
    }

    private RequestContextController newController() {
        return (RequestContextController) beanManager.getReference(controllerBean, RequestContextController.class,
                beanManager.createCreationalContext(controllerBean));
    }
}
